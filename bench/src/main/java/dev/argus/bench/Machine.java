package dev.argus.bench;

import dev.argus.bench.launch.Launcher;
import dev.argus.bench.pipeline.Client;
import dev.argus.bench.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the figures were measured on: CPUs, memory, JVM, the build started (its jars' sha256 and JVM options), and the
 * load average at the start and the end.
 */
final class Machine {

    private Machine() {
    }

    static void describe(Report report, BenchOptions options, String stamp) {
        report.put("run", "time", stamp);
        report.put("run", "mode", options.mode());
        report.put("run", "concurrency", options.concurrency());
        report.put("run", "clients", options.clients().stream().map(Client::label).toList());
        report.put("run", "workloads", options.workloads().stream().map(Workload::label).toList());
        report.put("run", "corpusFiles", options.corpusFiles().toString());
        report.put("run", "argusHome", options.argusHome().toString());
        for (String module : java.util.List.of("frontend", "brain", "probe")) {
            Path jar = Launcher.jar(options.argusHome(), module);
            report.put("run", module + "JarSha256", Files.isRegularFile(jar) ? Hashes.sha256(jar).substring(0, 16)
                    : "missing");
            report.put("run", module + "JvmOptions", jvmOptions(options.argusHome(), module));
        }
        report.put("run", "seed", options.seed());
        report.put("run", "clamdChunkSize", options.chunkSize());
        report.put("machine", "cpus", Runtime.getRuntime().availableProcessors());
        report.put("machine", "memTotal", firstLine("/proc/meminfo"));
        report.put("machine", "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("machine", "loadAverageAtStart", loadAverage());
    }

    /** The options file's lines that are not comments, as the processes get them. */
    private static String jvmOptions(Path argusHome, String module) {
        try {
            return Files.readAllLines(argusHome.resolve("scripts/jvm/" + module + ".options")).stream()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(java.util.stream.Collectors.joining(" "));
        } catch (IOException e) {
            return "none";
        }
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
