package dev.argus.bench.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running Argus the benchmark talks to: its URL and API key, the process ids by role ({@code frontend},
 * {@code brain}, {@code probe}; a standalone run has one process under all three roles) and their log files.
 * Closing stops the processes the benchmark started, and only those.
 */
public final class Deployment implements AutoCloseable {

    private final String mode;
    private final String baseUrl;
    private final String apiKey;
    private final Map<String, Long> pids;
    private final List<Path> logs;
    private final List<JavaProcess> started;

    Deployment(String mode, String baseUrl, String apiKey, Map<String, Long> pids, List<Path> logs,
               List<JavaProcess> started) {
        this.mode = mode;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.pids = Map.copyOf(pids);
        this.logs = List.copyOf(logs);
        this.started = new ArrayList<>(started);
    }

    /** Already running processes, reached at {@code baseUrl}; pids may be empty (then no memory or CPU figures). */
    public static Deployment external(String baseUrl, String apiKey, Map<String, Long> pids, List<Path> logs) {
        return new Deployment("external", baseUrl, apiKey, pids, logs, List.of());
    }

    public String mode() {
        return mode;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    /** Process id for a role, or null when unknown. */
    public Long pid(String role) {
        return pids.get(role);
    }

    /** The distinct Argus process ids (a standalone process counted once). */
    public List<Long> argusPids() {
        return pids.values().stream().distinct().toList();
    }

    public List<Path> logs() {
        return logs;
    }

    /** Fails with the log's location when a started process has died. */
    public void checkAlive() {
        for (JavaProcess process : started) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + process.module() + " process exited; see " + process.log());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (JavaProcess process : started.reversed()) {
            process.stop();
        }
    }
}
