package dev.argus.bench;

import dev.argus.bench.corpus.CorpusFile;
import dev.argus.bench.corpus.Profile;
import dev.argus.bench.launch.Deployment;
import dev.argus.bench.pipeline.ArgusApi;
import dev.argus.bench.pipeline.BigUpload;
import dev.argus.bench.pipeline.Client;
import dev.argus.bench.pipeline.PipelineRun;
import dev.argus.bench.raw.RawClamd;
import dev.argus.bench.report.Percentiles;
import dev.argus.bench.report.Report;
import dev.argus.bench.report.StageTimings;
import dev.argus.bench.system.CpuLedger;
import dev.argus.bench.system.ProcStats;
import dev.argus.bench.system.RssSampler;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The measurements in their order: raw clamd first (nothing else running), then on the pipeline, for each client
 * kind, the 1 KiB latency with its stage breakdown and the throughput of each workload (the idle memory and the
 * cache hits once), and last the big upload. Each figure goes into the report as soon as it is known.
 */
final class Benchmark {

    private static final long STALL_MILLIS = 120_000L;

    /** Rounds of unmeasured rescans of the warm-up files before the cache hits are timed. */

    private static final int CACHE_WARMUP_ROUNDS = 5;

    private final Report report;
    private final BenchOptions options;
    private final Map<Profile, Double> rawFilesPerSecond = new EnumMap<>(Profile.class);
    private Percentiles rawLatency;

    Benchmark(Report report, BenchOptions options) {
        this.report = report;
        this.options = options;
    }

    /** Raw clamd on the corpora's raw copies: 1 KiB latency one at a time, then each profile's files/s at C. */
    void measureRaw(RawClamd clamd, Map<Profile, List<CorpusFile>> corpora) throws Exception {
        List<CorpusFile> latencyFiles = corpora.get(Profile.LATENCY);
        clamd.scanAll(latencyFiles.subList(0, options.warmupFiles()), 1);
        RawClamd.Run single = clamd.scanAll(measured(latencyFiles), 1);
        rawLatency = new Percentiles(single.latencies().values());
        putPercentiles("latency", "raw", rawLatency);
        for (Profile profile : options.profiles()) {
            long self = ProcessHandle.current().pid();
            CpuLedger cpu = new CpuLedger().group("clamd", () -> ProcStats.pidsNamed("clamd"))
                    .group("benchClient", () -> List.of(self)).start();
            RawClamd.Run run = clamd.scanAll(corpora.get(profile), options.concurrency());
            Map<String, Double> spent = cpu.since();
            double clamdCpu = spent.get("clamd") / run.files();
            report.put(profile.label(), "rawMachineCpuMsPerFile", spent.get("machine") / run.files());
            rawFilesPerSecond.put(profile, run.filesPerSecond());
            report.put(profile.label(), "files", run.files());
            report.put(profile.label(), "mebibytes", corpora.get(profile).stream().mapToLong(CorpusFile::size).sum()
                    / 1048576.0);
            report.put(profile.label(), "rawFilesPerSecond", run.filesPerSecond());
            report.put(profile.label(), "rawDetections", run.detections());
            report.put(profile.label(), "rawClamdCpuMsPerFile", clamdCpu);
            System.out.printf("[bench] raw clamd %s: %.1f files/s (C=%d), clamd %.2f CPU ms/file%n", profile.label(),
                    run.filesPerSecond(), options.concurrency(), clamdCpu);
        }
    }

    /** Writes a fresh copy of a profile's corpus (new to Argus and clamd) and lists its files. */
    interface Corpora {
        List<CorpusFile> copy(Profile profile, String copy) throws Exception;
    }

    /**
     * For each client kind in turn: the 1 KiB latency (its own fresh files), then every workload's throughput
     * (each on its own fresh copy of the corpus); the idle memory and the cache hits once, with the first kind.
     *
     * @param warmupLoad files sent through C clients of the first kind first, unmeasured, so that the JIT
     *                   compilers have compiled the throughput path before its CPU time is counted
     */
    void measurePipeline(Deployment deployment, Corpora corpora, List<CorpusFile> warmupLoad) throws Exception {
        ArgusApi api = new ArgusApi(deployment.baseUrl(), deployment.apiKey());
        PipelineRun run = new PipelineRun(api);
        Long probe = deployment.pid("probe");
        Long frontend = deployment.pid("frontend");
        Client first = options.clients().getFirst();
        report.put("run", "warmupLoadFiles", warmupLoad.size());
        if (!warmupLoad.isEmpty()) {
            PipelineRun.Throughput warm = run.throughput(warmupLoad, options.concurrency(), 1, first,
                    deployment::checkAlive, STALL_MILLIS);
            System.out.printf("[bench] warm-up: %d tiny files at C=%d (%s), %.1f files/s%n", warmupLoad.size(),
                    options.concurrency(), first.label(), warm.filesPerSecond());
        }
        for (Client client : options.clients()) {
            List<CorpusFile> latencyFiles = corpora.copy(Profile.LATENCY, "latency-" + client.label());
            run.latencies(latencyFiles.subList(0, options.warmupFiles()), client);
            if (client == first) {
                Thread.sleep(2000);
                if (probe != null) {
                    report.put("memory", "probeRssIdleMiB", ProcStats.rssMiB(probe));
                }
            }
            latency(deployment, run, client, latencyFiles);
            if (client == first) {
                cacheHits(run, client, latencyFiles);
            }
            for (Workload workload : options.workloads()) {
                throughput(deployment, run, client, workload,
                        corpora.copy(workload.profile(), client.label() + "-" + workload.label()), probe);
            }
        }
        if (options.bigUploadMiB() > 0 && frontend != null) {
            bigUpload(api, frontend);
        }
        headline();
    }

    private void latency(Deployment deployment, PipelineRun run, Client client, List<CorpusFile> latencyFiles)
            throws Exception {
        StageTimings timings = new StageTimings(deployment.logs());
        PipelineRun.Latencies measuredLatencies = run.latencies(measured(latencyFiles), client);
        Percentiles latency = new Percentiles(measuredLatencies.total());
        String name = client.label();
        putPercentiles("latency", name, latency);
        report.put("latency", name + "WaitRequestsPerScan", (double) measuredLatencies.waitRequests()
                / Math.max(1, latency.count() - measuredLatencies.endedInAnswer()));
        for (int p : new int[] {50, 95, 99}) {
            report.put("latency", name + "OverheadP" + p + "Ms", latency.at(p) - rawLatency.at(p));
        }
        String breakdown = "breakdown-" + name;
        report.put(breakdown, "client.upload-request.meanMs", new Percentiles(measuredLatencies.request()).mean());
        report.put(breakdown, "client.until-final-result.meanMs", latency.mean());
        timings.since().forEach((stage, figures) -> {
            report.put(breakdown, stage + ".meanMs", figures.meanMs());
            report.put(breakdown, stage + ".count", figures.count());
        });
        System.out.printf("[bench] 1 KiB latency (%s) p50 %.1f ms (raw %.1f ms)%n", name, latency.at(50),
                rawLatency.at(50));
    }

    private void cacheHits(PipelineRun run, Client client, List<CorpusFile> latencyFiles) throws Exception {
        // The rescan path (JSON body, answered from stored results) is not the upload path the warm-up load
        // compiled: rescan the warm-up files a few rounds, unmeasured, before timing it.
        List<String> warmed = latencyFiles.subList(0, options.warmupFiles()).stream()
                .map(file -> Hashes.sha256(file.path())).toList();
        for (int round = 0; round < CACHE_WARMUP_ROUNDS; round++) {
            run.cacheHits(warmed, client);
        }
        report.put("run", "cacheWarmupRescans", CACHE_WARMUP_ROUNDS * warmed.size());
        List<String> known = measured(latencyFiles).stream().map(file -> Hashes.sha256(file.path())).toList();
        PipelineRun.Latencies cacheHits = run.cacheHits(known, client);
        putPercentiles("cacheHit", "pipeline", new Percentiles(cacheHits.total()));
        report.put("cacheHit", "endedIn202", cacheHits.endedInAnswer());
    }

    private void throughput(Deployment deployment, PipelineRun run, Client client, Workload workload,
                            List<CorpusFile> files, Long probe) throws Exception {
        CpuLedger cpu = cpuLedger(deployment).start();
        PipelineRun.Throughput result;
        String label = section(client, workload);
        try (RssSampler probeRss = probe == null ? null : new RssSampler(probe)) {
            result = run.throughput(files, options.concurrency(), workload.filesPerScan(), client,
                    deployment::checkAlive, STALL_MILLIS);
            if (probeRss != null) {
                report.put(label, "probeRssPeakMiB", probeRss.peakMiB());
                double earlier = number("memory", "probeRssUnderLoadMiB");
                report.put("memory", "probeRssUnderLoadMiB", Double.isNaN(earlier) ? probeRss.peakMiB()
                        : Math.max(probeRss.peakMiB(), earlier));
            }
        }
        double raw = rawFilesPerSecond.get(workload.profile());
        report.put(label, "files", result.files());
        report.put(label, "scans", result.scans());
        report.put(label, "pipelineFilesPerSecond", result.filesPerSecond());
        report.put(label, "pipelineUploadSeconds", result.uploadSeconds());
        report.put(label, "efficiency", result.filesPerSecond() / raw);
        report.put(label, "waitRequestsPerScan", (double) result.waitRequests() / result.scans());
        Map<String, Double> spent = cpu.since();
        spent.forEach((group, millis) -> report.put(label, group + "CpuMsPerFile", millis / result.files()));
        double clamdCpu = spent.get("clamd") / result.files();
        List<String> argus = argusRoles(deployment);
        if (!argus.isEmpty()) {
            double argusCpu = argus.stream().mapToDouble(spent::get).sum() / result.files();
            report.put(label, "argusCpuMsPerFile", argusCpu);
            report.put(label, "engineShareOfCpu", clamdCpu / (clamdCpu + argusCpu));
        }
        report.put(label, "loadAverageAfter", Machine.loadAverage());
        System.out.printf("[bench] pipeline %s (%s): %.1f files/s, efficiency %.3f, %.1f CPU ms/file on the "
                        + "machine, load %s%n", workload.label(), client.label(), result.filesPerSecond(),
                result.filesPerSecond() / raw, spent.get("machine") / result.files(), Machine.loadAverage());
    }

    private void bigUpload(ArgusApi api, long frontend) throws Exception {
        long size = options.bigUploadMiB() * 1024 * 1024;
        double before = ProcStats.rssMiB(frontend);
        long start = System.nanoTime();
        try (RssSampler rss = new RssSampler(frontend)) {
            api.upload("big-upload.bin", size, () -> new BigUpload(size, options.seed()));
            rss.close();
            double seconds = (System.nanoTime() - start) / 1e9;
            report.put("memory", "bigUploadMiB", options.bigUploadMiB());
            report.put("memory", "bigUploadSeconds", seconds);
            report.put("memory", "frontendRssBeforeMiB", before);
            report.put("memory", "frontendRssPeakMiB", rss.peakMiB());
            report.put("memory", "frontendRssGrowthMiB", rss.peakMiB() - before);
        }
    }

    /** The report's section of one throughput phase: {@code poll.tiny-x10}. */
    private static String section(Client client, Workload workload) {
        return client.label() + "." + workload.label();
    }

    /** The targets for pipeline ÷ raw clamd files/s, for the workloads it names. */
    private static String target(Workload workload) {
        return switch (workload.label()) {
            case "mixed" -> ">= 0.6";
            case "tiny-x10" -> ">= 0.3";
            case "tiny" -> ">= 0.12";
            default -> "";
        };
    }

    private void headline() {
        for (Profile profile : options.profiles()) {
            report.row("raw clamd INSTREAM " + profile.label() + " files/s (C=" + options.concurrency() + ")",
                    Report.format(number(profile.label(), "rawFilesPerSecond")) + " (clamd "
                            + Report.format(number(profile.label(), "rawClamdCpuMsPerFile")) + " CPU ms/file)", "");
        }
        for (Client client : options.clients()) {
            String name = client.label();
            for (Workload workload : options.workloads()) {
                String label = section(client, workload);
                report.row(name + ", " + workload.description() + ": pipeline ÷ raw clamd files/s",
                        Report.format(number(label, "efficiency")) + " (" + Report.format(number(label,
                                "pipelineFilesPerSecond")) + " / " + Report.format(number(workload.profile().label(),
                                "rawFilesPerSecond")) + ")", target(workload));
                report.row(name + ", " + workload.description() + ": CPU ms/file on the machine", cpuSplit(label),
                        "");
                report.row(name + ", " + workload.description() + ": Argus CPU ms/file, clamd's share, requests "
                        + "per scan to see its end", Report.format(number(label, "argusCpuMsPerFile")) + ", "
                        + Report.format(number(label, "engineShareOfCpu")) + ", "
                        + Report.format(number(label, "waitRequestsPerScan")), "");
            }
            report.row(name + ": 1 KiB upload → final result seen by the client, p50 / p95 / p99 ms",
                    triple("latency", name), name.equals("count") ? "" : "p50 <= 15");
            report.row(name + ": overhead over raw INSTREAM p50 ms; requests per scan to see its end",
                    Report.format(number("latency", name + "OverheadP50Ms")) + "; "
                            + Report.format(number("latency", name + "WaitRequestsPerScan")), "");
        }
        report.row("raw INSTREAM 1 KiB p50 / p95 / p99 ms", triple("latency", "raw"), "");
        report.row("cache hit p50 / p95 / p99 ms", triple("cacheHit", "pipeline"), "p50 <= 10");
        report.row("probe RSS idle / under load MiB", Report.format(number("memory", "probeRssIdleMiB")) + " / "
                + Report.format(number("memory", "probeRssUnderLoadMiB")), "under load <= 128");
        if (options.bigUploadMiB() > 0) {
            report.row("frontend RSS growth, " + options.bigUploadMiB() + " MiB upload, MiB",
                    Report.format(number("memory", "frontendRssGrowthMiB")), "<= 64");
        }
    }

    /**
     * The processes a throughput phase's CPU time is split between: each Argus process (one "argus" group for
     * the standalone), clamd, the services on this machine, and the benchmark client itself.
     */
    private static CpuLedger cpuLedger(Deployment deployment) {
        CpuLedger ledger = new CpuLedger();
        for (String role : argusRoles(deployment)) {
            Long pid = "argus".equals(role) ? deployment.argusPids().getFirst() : deployment.pid(role);
            ledger.group(role, () -> List.of(pid));
        }
        long self = ProcessHandle.current().pid();
        return ledger.group("clamd", () -> ProcStats.pidsNamed("clamd"))
                .group("rabbitmq", () -> ProcStats.pidsNamed("beam.smp"))
                .group("postgresql", () -> ProcStats.pidsNamed("postgres"))
                .group("vsftpd", () -> ProcStats.pidsNamed("vsftpd"))
                .group("benchClient", () -> List.of(self));
    }

    private static List<String> argusRoles(Deployment deployment) {
        if (deployment.argusPids().size() > 1) {
            return List.of("frontend", "brain", "probe").stream().filter(role -> deployment.pid(role) != null)
                    .toList();
        }
        return deployment.argusPids().isEmpty() ? List.of() : List.of("argus");
    }

    /** "machine total = each group + ..." for one profile, from the figures of its throughput phase. */
    private String cpuSplit(String label) {
        StringBuilder split = new StringBuilder(Report.format(number(label, "machineCpuMsPerFile")) + " =");
        String separator = " ";
        List<String> argus = Double.isNaN(number(label, "frontendCpuMsPerFile")) ? List.of("argus")
                : List.of("frontend", "brain", "probe");
        for (String group : Stream.concat(argus.stream(), Stream.of("clamd", "rabbitmq", "postgresql", "vsftpd",
                "benchClient", "other")).toList()) {
            double millis = number(label, group + "CpuMsPerFile");
            if (!Double.isNaN(millis)) {
                split.append(separator).append(group).append(' ').append(Report.format(millis));
                separator = " + ";
            }
        }
        return split.toString();
    }

    private String triple(String section, String prefix) {
        return Report.format(number(section, prefix + "P50Ms")) + " / " + Report.format(number(section, prefix
                + "P95Ms")) + " / " + Report.format(number(section, prefix + "P99Ms"));
    }

    private double number(String section, String key) {
        return report.number(section, key);
    }

    private void putPercentiles(String section, String prefix, Percentiles values) {
        for (int p : new int[] {50, 95, 99}) {
            report.put(section, prefix + "P" + p + "Ms", values.at(p));
        }
        report.put(section, prefix + "Count", values.count());
    }

    private List<CorpusFile> measured(List<CorpusFile> latencyFiles) {
        return new ArrayList<>(latencyFiles.subList(options.warmupFiles(),
                Math.min(latencyFiles.size(), options.warmupFiles() + options.latencyFiles())));
    }
}
