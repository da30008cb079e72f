package dev.argus.bench;

import dev.argus.bench.corpus.CorpusFile;
import dev.argus.bench.corpus.CorpusGenerator;
import dev.argus.bench.corpus.Profile;
import dev.argus.bench.launch.Deployment;
import dev.argus.bench.launch.Launcher;
import dev.argus.bench.raw.RawClamd;
import dev.argus.bench.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;

/**
 * Runs the whole benchmark once: generates the corpora (a raw copy of each, and a fresh copy for each pipeline phase,
 * all new to clamd and Argus), measures raw clamd, starts Argus (or uses a running one), measures the pipeline,
 * and writes
 * {@code bench/results/<time>-<mode>.json} and {@code .md}, printing the table.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path results = options.repository().resolve("bench/results");
        Path corpusRoot = options.repository().resolve("bench/target/corpus/" + stamp);
        Report report = new Report();
        Machine.describe(report, options, stamp);
        Benchmark benchmark = new Benchmark(report, options);
        try {
            Map<Profile, List<CorpusFile>> raw = new EnumMap<>(Profile.class);
            for (Profile profile : Stream.concat(options.profiles().stream(), Stream.of(Profile.LATENCY)).toList()) {
                raw.put(profile, corpus(options, profile, corpusRoot, stamp, "raw"));
            }
            Benchmark.Corpora pipeline = (profile, copy) -> corpus(options, profile, corpusRoot, stamp, copy);
            try (RawClamd clamd = new RawClamd(options.clamdHost(), options.clamdPort(),
                    DataSize.parse(options.chunkSize()))) {
                clamd.verify();
                benchmark.measureRaw(clamd, raw);
            }
            try (Deployment deployment = deploy(options, results.resolve("logs/" + stamp))) {
                Thread stopOnInterrupt = new Thread(() -> stopQuietly(deployment));
                Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
                benchmark.measurePipeline(deployment, pipeline,
                        warmupLoad(options, corpusRoot.resolve("warmup"), stamp + "-warmup"));
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            }
        } finally {
            deleteTree(corpusRoot);
            Machine.finish(report);
            report.write(results, stamp + "-" + options.mode(), "Argus benchmark " + stamp + " (" + options.mode()
                    + ", C=" + options.concurrency() + ", clients " + options.clients() + ", Argus from "
                    + options.argusHome() + ")");
        }
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("results: " + results.resolve(stamp + "-" + options.mode() + ".json") + " and .md");
    }

    /**
     * Writes the profile's copy named {@code <stamp>-<copy>} (its own bodies' first line, so new to clamd and Argus)
     * under {@code corpusRoot/<copy>/<profile>}.
     */
    private static List<CorpusFile> corpus(BenchOptions options, Profile profile, Path corpusRoot, String stamp,
                                           String copy) throws Exception {
        long start = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(profile, options.seed(), stamp + "-" + copy);
        Path directory = corpusRoot.resolve(copy).resolve(profile.label());
        List<CorpusFile> files = new ArrayList<>();
        for (int i = 0; i < options.corpusFiles().get(profile); i++) {
            files.add(generator.write(i, directory));
        }
        System.out.printf("[bench] corpus %s (%s): %d files, %.1f MiB in %.1f s%n", profile.label(), copy,
                files.size(), files.stream().mapToLong(CorpusFile::size).sum() / 1048576.0,
                (System.nanoTime() - start) / 1e9);
        return files;
    }

    /** Tiny files of their own copy (new to Argus and clamd) that load the pipeline before anything is measured. */
    private static List<CorpusFile> warmupLoad(BenchOptions options, Path directory, String copy) throws Exception {
        CorpusGenerator generator = new CorpusGenerator(Profile.TINY, options.seed(), copy);
        List<CorpusFile> files = new ArrayList<>();
        for (int i = 0; i < Math.min(options.warmupLoadFiles(), Profile.TINY.files()); i++) {
            files.add(generator.write(i, directory));
        }
        return files;
    }

    private static Deployment deploy(BenchOptions options, Path logs) throws Exception {
        Launcher launcher = new Launcher(options.argusHome(), logs, new Launcher.Services(
                env("ARGUS_BENCH_RABBIT_HOST", "127.0.0.1"),
                env("ARGUS_BENCH_VHOST", env("ARGUS_E2E_VHOST", "argus-e2e")),
                env("ARGUS_BENCH_JDBC_URL", env("ARGUS_E2E_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/argus_e2e")),
                "argus", "argus", env("ARGUS_BENCH_CLAMAV_DB", "/var/lib/argus-ci/clamav/db")));
        System.out.println("[bench] starting Argus (" + options.mode() + ") from " + options.argusHome() + ", logs in "
                + logs);
        return switch (options.mode()) {
            case "processes" -> launcher.processes(options.concurrency());
            case "standalone" -> launcher.standalone(options.concurrency());
            default -> Deployment.external(options.url(), options.apiKey(), options.pids(), options.logs());
        };
    }

    /** Ctrl-C: the processes the benchmark started must not outlive it. */
    private static void stopQuietly(Deployment deployment) {
        try {
            deployment.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
