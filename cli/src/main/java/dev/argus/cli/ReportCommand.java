package dev.argus.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code argus report HASH}: what Argus knows about some content (GET /api/v1/files/{hash}). */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = ArgusCli.Version.class,
        description = "Shows the file report of an md5, sha1 or sha256: verdict and each engine's latest result.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file is not malicious", "1:the file's verdict is malicious",
                "2:no such file, or an error"})
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "HASH", description = "An md5, sha1 or sha256 of the content.")
    String hash;

    @Option(names = "--json", description = "Print the server's file report as JSON.")
    boolean json;

    private final ConfigResolver resolver;
    private final PrintStream out;

    public ReportCommand(ConfigResolver resolver, PrintStream out) {
        this.resolver = resolver;
        this.out = out;
    }

    @Override
    public Integer call() {
        JsonNode report;
        try {
            report = new ArgusClient(connection.resolve(resolver)).file(hash);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new CliException("no file " + hash + " is known to Argus");
            }
            throw e;
        }
        if (json) {
            out.println(ArgusClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            lines(report).forEach(out::println);
        }
        out.flush();
        return "malicious".equals(report.path("verdict").path("label").asString(""))
                ? ExitCodes.MALICIOUS : ExitCodes.CLEAN;
    }

    /** The report for people: hashes, names, verdict, then one line per engine. */
    static List<String> lines(JsonNode report) {
        List<String> lines = new ArrayList<>();
        lines.add("sha256   " + report.path("sha256").asString(""));
        lines.add("md5      " + report.path("md5").asString(""));
        lines.add("sha1     " + report.path("sha1").asString(""));
        lines.add("size     " + report.path("size").asLong() + " bytes, " + report.path("mimeType").asString(""));
        List<String> names = new ArrayList<>();
        report.path("names").forEach(name -> names.add(name.asString()));
        lines.add("names    " + String.join(", ", names));
        JsonNode verdict = report.path("verdict");
        lines.add("verdict  " + (verdict.isObject() ? verdict.path("label").asString("unknown") + " ("
                + verdict.path("method").asString("") + ", confidence " + verdict.path("confidence").asDouble() + ")"
                : "none yet"));
        report.path("results").properties().forEach(entry -> {
            JsonNode result = entry.getValue();
            String detail = result.path("result").asString(result.path("error").asString(""));
            lines.add(String.format("  %-14s %-16s %s", entry.getKey(), result.path("category").asString(""),
                    detail).stripTrailing());
        });
        return lines;
    }
}
