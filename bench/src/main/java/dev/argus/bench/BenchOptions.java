package dev.argus.bench;

import dev.argus.bench.corpus.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code --profile tiny|mixed|all}, {@code --mode processes|standalone}, {@code --concurrency N},
 * {@code --seed N}, {@code --big-upload-mib N} (0 skips it), {@code --warmup-load-files N} (tiny files sent before
 * anything is measured, default 600; 0 skips it), {@code --files-per-scan N} (files per upload request in the
 * throughput phases, default 1), and for an Argus already running {@code --url URL}
 * with {@code --api-key KEY} (or ARGUS_API_KEY) and optionally {@code --pids frontend=PID,brain=PID,probe=PID}
 * and {@code --logs FILE,FILE} for the memory, CPU and breakdown figures.
 */
record BenchOptions(List<Profile> profiles, String mode, int concurrency, long seed, int latencyFiles,
                    int warmupFiles, int warmupLoadFiles, int filesPerScan, long bigUploadMiB, String url, String apiKey, Map<String, Long> pids,
                    List<Path> logs, Path repository, String clamdHost, int clamdPort, String chunkSize) {

    /** The frontend's default {@code argus.upload.max-files}. */
    static final int MAX_FILES_PER_SCAN = 100;

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + arg + "'");
            }
            values.put(arg.substring(2), args[++i]);
        }
        String profile = values.getOrDefault("profile", "all");
        List<Profile> profiles = profile.equals("all") ? List.of(Profile.TINY, Profile.MIXED)
                : Arrays.stream(profile.split(",")).map(Profile::of).toList();
        String url = values.get("url");
        String mode = url != null ? "external" : values.getOrDefault("mode", "processes");
        if (!List.of("processes", "standalone", "external").contains(mode)) {
            throw new IllegalArgumentException("--mode must be processes or standalone, got " + mode);
        }
        String apiKey = values.getOrDefault("api-key", System.getenv("ARGUS_API_KEY"));
        int filesPerScan = Integer.parseInt(values.getOrDefault("files-per-scan", "1"));
        if (filesPerScan < 1 || filesPerScan > MAX_FILES_PER_SCAN) {
            throw new IllegalArgumentException("--files-per-scan must be between 1 and " + MAX_FILES_PER_SCAN
                    + " (argus.upload.max-files), got " + filesPerScan);
        }
        return new BenchOptions(profiles, mode, Integer.parseInt(values.getOrDefault("concurrency", "2")),
                Long.parseLong(values.getOrDefault("seed", "42")),
                Integer.parseInt(values.getOrDefault("latency-files", "100")),
                Integer.parseInt(values.getOrDefault("warmup-files", "40")),
                Integer.parseInt(values.getOrDefault("warmup-load-files", "600")), filesPerScan,
                Long.parseLong(values.getOrDefault("big-upload-mib", "1024")), url, apiKey,
                pids(values.getOrDefault("pids", "")), logs(values.getOrDefault("logs", "")),
                Path.of(values.getOrDefault("repository", ".")).toAbsolutePath().normalize(),
                values.getOrDefault("clamd-host", "127.0.0.1"),
                Integer.parseInt(values.getOrDefault("clamd-port", "3310")),
                values.getOrDefault("chunk-size", "256KB"));
    }

    private static Map<String, Long> pids(String value) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            if (!pair.isBlank()) {
                String[] parts = pair.split("=", 2);
                pids.put(parts[0].strip(), Long.parseLong(parts[1].strip()));
            }
        }
        return pids;
    }

    private static List<Path> logs(String value) {
        List<Path> logs = new ArrayList<>();
        for (String path : value.split(",")) {
            if (!path.isBlank()) {
                logs.add(Path.of(path.strip()));
            }
        }
        return logs;
    }
}
