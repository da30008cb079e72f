package dev.argus.bench.pipeline;

import dev.argus.bench.corpus.CorpusFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The pipeline measurements: throughput over a corpus, and one-at-a-time latency on an idle system, each with the
 * scans' ends seen by a given {@link Client} kind.
 */
public final class PipelineRun {

    private static final long POLL_MILLIS = 200;
    private static final long LATENCY_STALL_MILLIS = 600_000;

    private final ArgusApi api;

    public PipelineRun(ArgusApi api) {
        this.api = api;
    }

    /**
     * Uploads every file from {@code concurrency} threads, {@code filesPerScan} files per upload request (one
     * scan each). Each thread is a client of the given kind: it uploads, waits for that scan's end as the kind
     * does, then uploads the next. {@link Client#COUNT} instead sends its next request as soon as the previous
     * one was accepted and waits at the end until as many more scans are finished, counted every 200 ms (one
     * cheap count query), so its time is exact to 200 ms.
     *
     * @param check       called while waiting, e.g. to fail fast when a process died
     * @param stallMillis how long without one more finished scan counts as stalled (fails the run)
     */
    public Throughput throughput(List<CorpusFile> files, int concurrency, int filesPerScan, Client client,
                                 Runnable check, long stallMillis) throws Exception {
        long before = client == Client.COUNT ? api.finishedScans() : 0;
        ScanEnd end = new ScanEnd(api, client);
        Queue<CorpusFile> todo = new ConcurrentLinkedQueue<>(files);
        AtomicInteger submitted = new AtomicInteger();
        ExecutorService uploaders = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(uploaders.submit(() -> {
                    for (List<Path> scan = next(todo, filesPerScan); !scan.isEmpty(); scan = next(todo, filesPerScan)) {
                        ArgusApi.Submitted sent = api.upload(scan);
                        submitted.incrementAndGet();
                        if (client != Client.COUNT && !sent.ended()) {
                            end.await(sent.id(), check, stallMillis);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> uploader : running) {
                uploader.get();
            }
        } finally {
            uploaders.shutdownNow();
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        // two uploaders may each end on a short batch: count the scans sent, not files / filesPerScan
        int scans = submitted.get();
        if (client == Client.COUNT) {
            awaitFinished(before, scans, check, stallMillis);
        }
        return new Throughput(files.size(), scans, (System.nanoTime() - start) / 1e9, uploadSeconds,
                end.requests());
    }

    private void awaitFinished(long before, int scans, Runnable check, long stallMillis) throws InterruptedException {
        long target = before + scans;
        long lastProgress = System.currentTimeMillis();
        for (long finished = api.finishedScans(), seen = finished; finished < target; finished = api.finishedScans()) {
            check.run();
            if (finished > seen) {
                seen = finished;
                lastProgress = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastProgress > stallMillis) {
                throw new IllegalStateException("stalled: " + (finished - before) + " of " + scans
                        + " scans finished, none for " + stallMillis + " ms");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Up to {@code count} files from the queue, as paths. */
    private static List<Path> next(Queue<CorpusFile> todo, int count) {
        List<Path> batch = new ArrayList<>(count);
        CorpusFile file;
        while (batch.size() < count && (file = todo.poll()) != null) {
            batch.add(file.path());
        }
        return batch;
    }

    /**
     * Each file alone: upload, then wait for the scan's end as the client kind does; milliseconds per file, total
     * and of the upload request alone.
     */
    public Latencies latencies(List<CorpusFile> files, Client client) throws InterruptedException {
        return timeEach(files.stream().<Supplier<ArgusApi.Submitted>>map(file -> () -> api.upload(file.path()))
                .toList(), client);
    }

    /**
     * Each known sha256 rescanned with force=false (answered from stored results); milliseconds each, until the
     * 202 when it already carries the final status, else until the client kind sees the end.
     */
    public Latencies cacheHits(List<String> sha256s, Client client) throws InterruptedException {
        return timeEach(sha256s.stream().<Supplier<ArgusApi.Submitted>>map(sha256 -> () -> api.rescan(sha256))
                .toList(), client);
    }

    private Latencies timeEach(List<Supplier<ArgusApi.Submitted>> submissions, Client client)
            throws InterruptedException {
        ScanEnd end = new ScanEnd(api, client);
        List<Double> total = new ArrayList<>();
        List<Double> request = new ArrayList<>();
        int endedInAnswer = 0;
        for (Supplier<ArgusApi.Submitted> submit : submissions) {
            long start = System.nanoTime();
            ArgusApi.Submitted scan = submit.get();
            request.add((System.nanoTime() - start) / 1e6);
            if (scan.ended()) {
                endedInAnswer++;
            } else {
                end.await(scan.id(), () -> { }, LATENCY_STALL_MILLIS);
            }
            total.add((System.nanoTime() - start) / 1e6);
        }
        return new Latencies(total, request, endedInAnswer, end.requests());
    }

    /**
     * Milliseconds per scan: submission to final result, and the submitting request alone.
     *
     * @param endedInAnswer scans whose 202 already carried the final status (nothing waited for)
     * @param waitRequests  requests made to learn the other scans' ends
     */
    public record Latencies(List<Double> total, List<Double> request, int endedInAnswer, long waitRequests) {
    }

    /**
     * Files pushed through, the scans they made, wall seconds from the first upload to the last final result,
     * seconds until the last upload was accepted, and the requests made to learn the scans' ends.
     */
    public record Throughput(int files, int scans, double seconds, double uploadSeconds, long waitRequests) {

        public double filesPerSecond() {
            return files / seconds;
        }
    }
}
