package dev.argus.bench;

import dev.argus.bench.corpus.Profile;
import dev.argus.bench.pipeline.Client;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code --client poll|longpoll|sse|count} (how the clients see a scan's end; a comma list
 * measures each kind in turn, default {@code poll}), {@code --workloads mixed:1,tiny:10,tiny:1} (the throughput
 * phases, profile:files per upload, this by default; {@code --profile tiny|mixed|all} with
 * {@code --files-per-scan N[,N]} is the older spelling of the same), {@code --tiny-files N} and
 * {@code --mixed-files N} (corpus sizes, default 2000 and 500), {@code --mode processes|standalone},
 * {@code --jars DIR} (or ARGUS_BENCH_JARS: the Argus build to start, a worktree with {@code <module>/target/} or a
 * directory holding {@code argus-<module>.jar}, with its {@code scripts/jvm/}; default the repository),
 * {@code --concurrency N}, {@code --seed N}, {@code --big-upload-mib N} (0 skips it), {@code --warmup-load-files N}
 * (tiny files sent before anything is measured, default 600; 0 skips it), and for an Argus already running
 * {@code --url URL} with {@code --api-key KEY} (or ARGUS_API_KEY) and optionally
 * {@code --pids frontend=PID,brain=PID,probe=PID} and {@code --logs FILE,FILE} for the memory, CPU and breakdown
 * figures.
 */
record BenchOptions(List<Workload> workloads, List<Client> clients, Map<Profile, Integer> corpusFiles, String mode,
                    int concurrency, long seed, int latencyFiles, int warmupFiles, int warmupLoadFiles,
                    long bigUploadMiB, String url, String apiKey, Map<String, Long> pids, List<Path> logs,
                    Path repository, Path argusHome, String clamdHost, int clamdPort, String chunkSize) {

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
        List<Workload> workloads = Workload.parseAll(values.getOrDefault("workloads", Workload.DEFAULT));
        if (values.containsKey("profile") || values.containsKey("files-per-scan")) {
            String profile = values.getOrDefault("profile", "all");
            List<Profile> profiles = profile.equals("all") ? List.of(Profile.MIXED, Profile.TINY)
                    : Arrays.stream(profile.split(",")).map(Profile::of).toList();
            List<Integer> counts = Arrays.stream(values.getOrDefault("files-per-scan", "1").split(","))
                    .map(count -> Integer.parseInt(count.strip())).toList();
            workloads = profiles.stream().flatMap(each -> counts.stream().map(count -> new Workload(each, count)))
                    .toList();
        }
        List<Client> clients = Arrays.stream(values.getOrDefault("client", "poll").split(",")).map(Client::of)
                .toList();
        Map<Profile, Integer> corpusFiles = new EnumMap<>(Profile.class);
        corpusFiles.put(Profile.TINY, Integer.parseInt(values.getOrDefault("tiny-files",
                Integer.toString(Profile.TINY.files()))));
        corpusFiles.put(Profile.MIXED, Integer.parseInt(values.getOrDefault("mixed-files",
                Integer.toString(Profile.MIXED.files()))));
        corpusFiles.put(Profile.LATENCY, Profile.LATENCY.files());
        String url = values.get("url");
        String mode = url != null ? "external" : values.getOrDefault("mode", "processes");
        if (!List.of("processes", "standalone", "external").contains(mode)) {
            throw new IllegalArgumentException("--mode must be processes or standalone, got " + mode);
        }
        String apiKey = values.getOrDefault("api-key", System.getenv("ARGUS_API_KEY"));
        Path repository = Path.of(values.getOrDefault("repository", ".")).toAbsolutePath().normalize();
        String jars = values.getOrDefault("jars", System.getenv("ARGUS_BENCH_JARS"));
        Path argusHome = jars == null || jars.isBlank() ? repository : Path.of(jars).toAbsolutePath().normalize();
        return new BenchOptions(workloads, clients, corpusFiles, mode,
                Integer.parseInt(values.getOrDefault("concurrency", "2")),
                Long.parseLong(values.getOrDefault("seed", "42")),
                Integer.parseInt(values.getOrDefault("latency-files", "100")),
                Integer.parseInt(values.getOrDefault("warmup-files", "40")),
                Integer.parseInt(values.getOrDefault("warmup-load-files", "600")),
                Long.parseLong(values.getOrDefault("big-upload-mib", "1024")), url, apiKey,
                pids(values.getOrDefault("pids", "")), logs(values.getOrDefault("logs", "")), repository, argusHome,
                values.getOrDefault("clamd-host", "127.0.0.1"),
                Integer.parseInt(values.getOrDefault("clamd-port", "3310")),
                values.getOrDefault("chunk-size", "256KB"));
    }

    /** The profiles of the throughput phases, each once, in their order. */
    List<Profile> profiles() {
        return workloads.stream().map(Workload::profile).distinct().toList();
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
