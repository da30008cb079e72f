package dev.argus.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code argus probes}: the probes the server knows (GET /api/v1/probes). */
@Command(name = "probes", mixinStandardHelpOptions = true, versionProvider = ArgusCli.Version.class,
        description = "Lists the probes (engines) the server knows: name, category, online, instances, versions.")
public final class ProbesCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print the server's probe list as JSON.")
    boolean json;

    private final ConfigResolver resolver;
    private final PrintStream out;

    public ProbesCommand(ConfigResolver resolver, PrintStream out) {
        this.resolver = resolver;
        this.out = out;
    }

    @Override
    public Integer call() {
        JsonNode probes = new ArgusClient(connection.resolve(resolver)).probes();
        if (json) {
            out.println(ArgusClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(probes));
        } else {
            table(probes).forEach(out::println);
        }
        out.flush();
        return ExitCodes.CLEAN;
    }

    /** A header and one row per probe, columns aligned. */
    static List<String> table(JsonNode probes) {
        String format = "%-14s %-10s %-7s %-9s %-10s %s";
        List<String> rows = new ArrayList<>();
        rows.add(String.format(format, "NAME", "CATEGORY", "ONLINE", "INSTANCES", "VERSION", "ENGINE").stripTrailing());
        for (JsonNode probe : probes) {
            rows.add(String.format(format, probe.path("name").asString(""), probe.path("category").asString(""),
                    probe.path("online").asBoolean() ? "yes" : "no", probe.path("instances").asInt(),
                    probe.path("version").asString(""), probe.path("engineVersion").asString("")).stripTrailing());
        }
        return rows;
    }
}
