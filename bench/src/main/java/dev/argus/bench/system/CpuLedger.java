package dev.argus.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a phase's CPU time went, machine-wide: named groups of processes (Argus's own, clamd, RabbitMQ,
 * PostgreSQL, vsftpd, the benchmark client) and the machine's total busy time from {@code /proc/stat}. A group's
 * processes are looked up again at the end, so a process started during the phase counts from zero; one that
 * ended during the phase is lost to its group and shows in the machine total only (as "other").
 */
public final class CpuLedger {

    private static final double MILLIS_PER_TICK = 10.0;

    private final Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
    private Map<String, Map<Long, Double>> start;
    private double machineStart;

    /** Adds a group whose processes {@code pids} finds (called at the start and at the end of the phase). */
    public CpuLedger group(String name, Supplier<List<Long>> pids) {
        groups.put(name, pids);
        return this;
    }

    /** Records the start of the phase. */
    public CpuLedger start() {
        start = snapshot();
        machineStart = machineBusyMillis();
        return this;
    }

    /**
     * CPU milliseconds since {@link #start()}: one entry per group in the order added, then {@code other} (busy
     * time of no listed group: the kernel's own threads, processes not listed) and {@code machine} (all of it).
     */
    public Map<String, Double> since() {
        Map<String, Map<Long, Double>> end = snapshot();
        double machine = machineBusyMillis() - machineStart;
        Map<String, Double> spent = new LinkedHashMap<>();
        double listed = 0;
        for (String name : groups.keySet()) {
            Map<Long, Double> before = start.get(name);
            double delta = end.get(name).entrySet().stream()
                    .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
            spent.put(name, delta);
            listed += delta;
        }
        spent.put("other", Math.max(0, machine - listed));
        spent.put("machine", machine);
        return spent;
    }

    private Map<String, Map<Long, Double>> snapshot() {
        Map<String, Map<Long, Double>> snapshot = new HashMap<>();
        groups.forEach((name, pids) -> {
            Map<Long, Double> cpu = new HashMap<>();
            pids.get().forEach(pid -> cpu.put(pid, ProcStats.cpuMillis(pid)));
            snapshot.put(name, cpu);
        });
        return snapshot;
    }

    /** Busy time of all CPUs (everything but idle and iowait), from the first line of {@code /proc/stat}. */
    static double machineBusyMillis() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal ...
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
