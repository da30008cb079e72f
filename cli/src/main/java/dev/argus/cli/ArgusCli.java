package dev.argus.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code argus} command: its subcommands, help and version, and the mapping of errors to exit code 2. */
@Command(name = "argus", mixinStandardHelpOptions = true, versionProvider = ArgusCli.Version.class,
        description = "Scans files with Argus through its REST API (docs/cli.md).",
        footer = {"", "Configuration: --url/--api-key, else ARGUS_URL/ARGUS_API_KEY, else url=/api-key= in "
                + "~/.config/argus/cli.properties (or --config FILE, mode 600).",
                "Exit codes: 0 nothing malicious, 1 something malicious, 2 an error."},
        subcommands = {ScanCommand.class, ReportCommand.class, ProbesCommand.class, WatchCommand.class,
                CommandLine.HelpCommand.class})
public final class ArgusCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code argus} alone: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments, ConfigResolver.system(), System.out, System.err, interactive()));
    }

    /** Runs one command line; the exit code. terminal: stdout is a terminal (progress line instead of lines). */
    public static int run(String[] arguments, ConfigResolver resolver, PrintStream out, PrintStream err,
                          boolean terminal) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ScanCommand.class) {
                    return type.cast(new ScanCommand(resolver, out, terminal));
                } else if (type == ReportCommand.class) {
                    return type.cast(new ReportCommand(resolver, out));
                } else if (type == ProbesCommand.class) {
                    return type.cast(new ProbesCommand(resolver, out));
                } else if (type == WatchCommand.class) {
                    return type.cast(new WatchCommand(resolver, out, err));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new ArgusCli(), factory)
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true))
                .setExitCodeExceptionMapper(e -> ExitCodes.ERROR)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    out.flush();
                    if (e instanceof CliException) {
                        err.println("argus: " + e.getMessage());
                    } else {
                        err.println("argus: unexpected error: " + e);
                    }
                    err.flush();
                    return ExitCodes.ERROR;
                });
        return commandLine.execute(arguments);
    }

    /**
     * Whether stdout is a terminal. {@link System#console()} is null on JDK 21 when a stream is redirected; from
     * JDK 22 on it always exists and {@code Console.isTerminal()} (looked up reflectively: this jar targets 21)
     * tells. {@code TERM=dumb} counts as no terminal.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The version packaged into the jar (dev/argus/cli/version.properties, filtered by Maven). */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = ArgusCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"argus " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
