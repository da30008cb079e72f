package dev.argus.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a process's resident set size and CPU time from /proc. CPU time is user + system time of all its
 * threads, in clock ticks converted to milliseconds ({@code CLK_TCK} is 100 on Linux for every architecture
 * Argus runs on).
 */
public final class ProcStats {

    private static final double MILLIS_PER_TICK = 10.0;

    private ProcStats() {
    }

    /** Resident set size in MiB; 0 when the process is gone. */
    public static double rssMiB(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToDouble(kb -> Long.parseLong(kb) / 1024.0)
                    .findFirst().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** User + system CPU milliseconds used so far; 0 when the process is gone. */
    public static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long user = Long.parseLong(fields[11]);
            long system = Long.parseLong(fields[12]);
            return (user + system) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The ids of running processes whose command name is exactly {@code name} (e.g. clamd). */
    public static List<Long> pidsNamed(String name) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(entry -> entry.getFileName().toString().matches("\\d+")).forEach(entry -> {
                try {
                    if (Files.readString(entry.resolve("comm")).strip().equals(name)) {
                        pids.add(Long.parseLong(entry.getFileName().toString()));
                    }
                } catch (IOException | UncheckedIOException gone) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /** Sum of {@link #cpuMillis(long)} over several processes. */
    public static double cpuMillis(List<Long> pids) {
        return pids.stream().mapToDouble(ProcStats::cpuMillis).sum();
    }
}
