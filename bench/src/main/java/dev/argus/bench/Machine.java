package dev.argus.bench;

import dev.argus.bench.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: CPUs, memory, JVM, and the load average at the start and the end. */
final class Machine {

    private Machine() {
    }

    static void describe(Report report, BenchOptions options, String stamp) {
        report.put("run", "time", stamp);
        report.put("run", "mode", options.mode());
        report.put("run", "concurrency", options.concurrency());
        report.put("run", "filesPerScan", options.filesPerScan());
        report.put("run", "seed", options.seed());
        report.put("run", "clamdChunkSize", options.chunkSize());
        report.put("machine", "cpus", Runtime.getRuntime().availableProcessors());
        report.put("machine", "memTotal", firstLine("/proc/meminfo"));
        report.put("machine", "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("machine", "loadAverageAtStart", loadAverage());
    }

    static void finish(Report report) {
        report.put("machine", "loadAverageAtEnd", loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
    static String loadAverage() {
        String line = firstLine("/proc/loadavg");
        String[] parts = line.split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : line;
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).getFirst().replaceAll("\\s+", " ").strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
