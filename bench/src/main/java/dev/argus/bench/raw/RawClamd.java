package dev.argus.bench.raw;

import dev.argus.bench.corpus.CorpusFile;
import dev.argus.probe.engine.clamav.ClamavEngine;
import dev.argus.probe.engine.clamav.ClamavProperties;
import dev.argus.probe.spi.EngineException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.unit.DataSize;

/**
 * Scans files with the probe's {@link ClamavEngine} (INSTREAM over TCP, the probe's chunk size), from
 * {@code concurrency} threads each taking the next file as soon as its previous one is answered: the engine's
 * own throughput, without Argus around it.
 */
public final class RawClamd implements AutoCloseable {

    private final ClamavEngine engine;

    /** chunkSize: the INSTREAM chunk size the probe under test uses. */
    public RawClamd(String host, int port, DataSize chunkSize) {
        this.engine = new ClamavEngine(new ClamavProperties(host, port, Duration.ofSeconds(5),
                Duration.ofSeconds(120), chunkSize, Path.of("/var/lib/clamav")));
    }

    /** Fails unless clamd answers PING. */
    public void verify() throws EngineException {
        engine.verify();
    }

    /** Scans every file once; latencies in milliseconds keyed by path, detections counted. */
    public Run scanAll(List<CorpusFile> files, int concurrency) throws Exception {
        Queue<CorpusFile> todo = new ConcurrentLinkedQueue<>(files);
        Map<Path, Double> latencies = new ConcurrentHashMap<>();
        AtomicInteger detections = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<Void>> running = java.util.stream.IntStream.range(0, concurrency)
                    .mapToObj(worker -> workers.submit(() -> {
                        for (CorpusFile file = todo.poll(); file != null; file = todo.poll()) {
                            long began = System.nanoTime();
                            var outcome = engine.scan(file.path());
                            latencies.put(file.path(), (System.nanoTime() - began) / 1e6);
                            if (outcome.threat() != null) {
                                detections.incrementAndGet();
                            }
                        }
                        return (Void) null;
                    })).toList();
            for (Future<Void> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        return new Run(files.size(), (System.nanoTime() - start) / 1e9, latencies, detections.get());
    }

    @Override
    public void close() {
        engine.close();
    }

    /** One pass: files scanned, wall seconds, per-file latency (ms) and how many had a detection. */
    public record Run(int files, double seconds, Map<Path, Double> latencies, int detections) {

        public double filesPerSecond() {
            return files / seconds;
        }
    }
}
