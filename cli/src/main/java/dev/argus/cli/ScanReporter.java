package dev.argus.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How {@code argus scan} shows its work: plain lines, a progress line on a terminal, or one JSON document.
 * Called from several threads; implementations synchronize.
 */
public interface ScanReporter {

    /** The walk is done: total files to upload. */
    default void started(int total) {
    }

    /** count more files were accepted by the server. */
    default void uploaded(int count) {
    }

    /** These files' scan is over (or, without waiting, they were submitted). */
    void finished(List<FileOutcome> files);

    /** The command is done. */
    void ended(ScanSummary summary);

    /** The command ends on an error (its message follows on stderr). */
    default void aborted() {
    }

    /** {@code <path>: <verdict> [<engine>: <threat>, …]}, or {@code <path>: submitted (scan <id>)}. */
    static String line(FileOutcome file) {
        if (file.verdict() == null) {
            return file.path() + ": submitted (scan " + file.scanId() + ")";
        }
        String line = file.path() + ": " + file.verdict();
        if (!file.detections().isEmpty()) {
            line += file.detections().stream().map(d -> d.engine() + ": " + d.threat())
                    .collect(Collectors.joining(", ", " [", "]"));
        }
        return line;
    }

    static String errorLine(FileCollector.Problem problem) {
        return problem.path() + ": error: " + problem.reason();
    }

    static String skippedLine(FileCollector.Problem problem) {
        return problem.path() + ": skipped: " + problem.reason();
    }

    /** One line per file as its scan ends, then the errors and skipped paths; for pipes and files. */
    final class Plain implements ScanReporter {

        private final PrintStream out;

        public Plain(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void finished(List<FileOutcome> files) {
            files.forEach(file -> out.println(line(file)));
            out.flush();
        }

        @Override
        public synchronized void ended(ScanSummary summary) {
            summary.errors().forEach(problem -> out.println(errorLine(problem)));
            summary.skipped().forEach(problem -> out.println(skippedLine(problem)));
            out.flush();
        }
    }

    /**
     * A terminal: one redrawn line (files uploaded, files finished, malicious so far); lines only for files that
     * are not clean, printed above it; a summary at the end.
     */
    final class Terminal implements ScanReporter {

        private static final long REDRAW_NANOS = 100_000_000L;

        private final PrintStream out;
        private int total;
        private int uploaded;
        private int finished;
        private int malicious;
        private long lastDraw;

        public Terminal(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void started(int total) {
            this.total = total;
            draw(true);
        }

        @Override
        public synchronized void uploaded(int count) {
            uploaded += count;
            draw(false);
        }

        @Override
        public synchronized void finished(List<FileOutcome> files) {
            for (FileOutcome file : files) {
                finished++;
                if (file.malicious()) {
                    malicious++;
                }
                if (file.verdict() != null && !file.verdict().equals("clean")) {
                    out.print("\r\033[K");
                    out.println(line(file));
                }
            }
            draw(true);
        }

        @Override
        public synchronized void ended(ScanSummary summary) {
            draw(true);
            out.println();
            summary.errors().forEach(problem -> out.println(errorLine(problem)));
            summary.skipped().forEach(problem -> out.println(skippedLine(problem)));
            if (summary.waited()) {
                out.printf("%d files scanned: %d malicious, %d suspicious, %d clean, %d unknown; %d errors, %d skipped%n",
                        summary.files().size(), summary.count("malicious"), summary.count("suspicious"),
                        summary.count("clean"), summary.count("unknown"), summary.errors().size(),
                        summary.skipped().size());
            } else {
                out.printf("%d files submitted in %d scans: %s; %d errors, %d skipped%n", summary.files().size(),
                        summary.scanIds().size(), String.join(" ", summary.scanIds()), summary.errors().size(),
                        summary.skipped().size());
            }
            out.flush();
        }

        @Override
        public synchronized void aborted() {
            out.println(); // the error message gets a line of its own, below the progress line
            out.flush();
        }

        /** The progress line as it stands, e.g. {@code uploaded 340/1000  finished 200/1000  malicious 1}. */
        synchronized String progress() {
            return "uploaded " + uploaded + "/" + total + "  finished " + finished + "/" + total + "  malicious "
                    + malicious;
        }

        private void draw(boolean now) {
            long time = System.nanoTime();
            if (now || time - lastDraw > REDRAW_NANOS) {
                lastDraw = time;
                out.print("\r\033[K" + progress());
                out.flush();
            }
        }
    }

    /** Nothing until the end, then one JSON document (docs/cli.md) for scripts. */
    final class Json implements ScanReporter {

        private final PrintStream out;

        public Json(PrintStream out) {
            this.out = out;
        }

        @Override
        public void finished(List<FileOutcome> files) {
        }

        @Override
        public synchronized void ended(ScanSummary summary) {
            out.println(ArgusClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document(summary)));
            out.flush();
        }

        static ObjectNode document(ScanSummary summary) {
            ObjectNode root = ArgusClient.JSON.createObjectNode();
            root.put("waited", summary.waited());
            ArrayNode scans = root.putArray("scans");
            summary.scanIds().forEach(scans::add);
            ArrayNode files = root.putArray("files");
            for (FileOutcome file : summary.files()) {
                ObjectNode node = files.addObject();
                node.put("path", file.path());
                node.put("sha256", file.sha256());
                node.put("size", file.size());
                node.put("scanId", file.scanId());
                node.put("verdict", file.verdict());
                ArrayNode detections = node.putArray("detections");
                for (FileOutcome.Detection detection : file.detections()) {
                    detections.addObject().put("engine", detection.engine()).put("category", detection.category())
                            .put("threat", detection.threat());
                }
            }
            problems(root.putArray("errors"), summary.errors());
            problems(root.putArray("skipped"), summary.skipped());
            ObjectNode counts = root.putObject("summary");
            counts.put("files", summary.files().size());
            for (String verdict : new String[] {"malicious", "suspicious", "clean", "unknown"}) {
                counts.put(verdict, summary.count(verdict));
            }
            counts.put("errors", summary.errors().size());
            counts.put("skipped", summary.skipped().size());
            root.put("exitCode", summary.exitCode());
            return root;
        }

        private static void problems(ArrayNode array, List<FileCollector.Problem> problems) {
            for (FileCollector.Problem problem : problems) {
                array.addObject().put("path", problem.path().toString()).put("reason", problem.reason());
            }
        }
    }
}
