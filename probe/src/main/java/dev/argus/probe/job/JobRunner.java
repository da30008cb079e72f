package dev.argus.probe.job;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeResult;
import dev.argus.common.store.FileNotInStoreException;
import dev.argus.common.store.FileStore;
import dev.argus.common.store.FileStoreException;
import dev.argus.common.timing.StageTimer;
import dev.argus.messaging.MessagePublisher;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: drop it if past its deadline; otherwise fetch the file into the work directory, scan it under the
 * engine's timeout, publish the {@code ProbeResult} with a broker confirm, and delete the temp file whatever
 * happened. Engine errors become results: a timeout is {@code timeout} and a crash {@code failure}, both
 * retryable; a terminal engine error, a file missing from the store or an invalid key is a {@code failure} that
 * is not retried. Thread-safe; called concurrently by the consumers of every engine.
 */
public final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final FileStore store;
    private final Path workDir;
    private final MessagePublisher publisher;
    private final String instanceId;
    private final Clock clock;
    private final ExecutorService scans;

    /**
     * @param scans runs {@link ScanEngine#scan(Path)} so the consumer thread can stop waiting at the timeout;
     *              needs as many threads as scans run at once (a cached pool)
     */
    public JobRunner(FileStore store, Path workDir, MessagePublisher publisher, String instanceId, Clock clock,
                     ExecutorService scans) {
        this.store = store;
        this.workDir = workDir;
        this.publisher = publisher;
        this.instanceId = instanceId;
        this.clock = clock;
        this.scans = scans;
    }

    /**
     * Handles one job; returns only once its result is confirmed by the broker (or the job was dropped).
     *
     * @throws org.springframework.amqp.AmqpException when the result could not be published: the job must be
     *                                                redelivered
     * @throws InterruptedException                   when the consumer is being stopped; the job must be redelivered
     */
    public void handle(ProbeJob job, ScanEngine engine) throws InterruptedException {
        if (job.deadline() != null && clock.instant().isAfter(job.deadline())) {
            log.info("scan {} file {} probe {}: job {} dropped unscanned, its deadline {} has passed", job.scanId(),
                    prefix(job.sha256()), engine.name(), job.jobId(), job.deadline());
            return;
        }
        Path file = null;
        try {
            Outcome outcome;
            try {
                file = store.fetch(job.sha256(), workDir);
                outcome = scan(job, engine, file);
            } catch (FileNotInStoreException | IllegalArgumentException e) {
                outcome = Outcome.failure(engine, false, e.getMessage(), 0);
            } catch (FileStoreException | UncheckedIOException e) {
                outcome = Outcome.failure(engine, true, "cannot fetch the file: " + e.getMessage(), 0);
            }
            publish(job, engine, outcome);
        } finally {
            delete(file, job, engine);
        }
    }

    private Outcome scan(ProbeJob job, ScanEngine engine, Path file) throws InterruptedException {
        Duration timeout = engine.timeout();
        long start = System.nanoTime();
        long startMark = StageTimer.start();
        Future<ScanOutcome> future = scans.submit(
                () -> Objects.requireNonNull(engine.scan(file), "the engine returned no outcome"));
        try {
            ScanOutcome scanned = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            StageTimer.stop("probe.engine", startMark);
            EngineVersions versions = scanned.versions();
            return new Outcome(false, new EngineResult(scanned.category(), scanned.threat(), versions.engineVersion(),
                    versions.signatureVersion(), millisSince(start), null, scanned.details()));
        } catch (TimeoutException e) {
            future.cancel(true);
            EngineVersions versions = engine.versions();
            return new Outcome(true, new EngineResult(Category.TIMEOUT, null, versions.engineVersion(),
                    versions.signatureVersion(), millisSince(start), engine.displayName() + " did not finish within "
                    + timeout.toMillis() + " ms", Map.of()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean retryable = !(cause instanceof EngineException engineError) || engineError.isRetryable();
            String error = cause instanceof EngineException ? cause.getMessage()
                    : engine.displayName() + " crashed: " + cause;
            if (!(cause instanceof EngineException)) {
                log.warn("scan {} file {} probe {}: engine crashed", job.scanId(), prefix(job.sha256()),
                        engine.name(), cause);
            }
            return Outcome.failure(engine, retryable, error, millisSince(start));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private void publish(ProbeJob job, ScanEngine engine, Outcome outcome) {
        EngineResult result = outcome.result();
        ProbeResult message = new ProbeResult(job.jobId(), job.scanId(), job.sha256(), engine.name(), job.attempt(),
                instanceId, outcome.retryable(), result, clock.instant());
        try {
            long start = StageTimer.start();
            publisher.publish(Topology.BRAIN_EXCHANGE, Topology.RESULTS_KEY, message);
            StageTimer.stop("probe.publish", start);
        } catch (RuntimeException e) {
            log.warn("scan {} file {} probe {}: result of job {} not confirmed by the broker, the job will be"
                    + " redelivered: {}", job.scanId(), prefix(job.sha256()), engine.name(), job.jobId(),
                    e.getMessage());
            throw e;
        }
        if (result.error() == null) {
            log.debug("scan {} file {} probe {}: {}{} in {} ms (job {}, attempt {})", job.scanId(),
                    prefix(job.sha256()), engine.name(), result.category().wireName(),
                    result.result() == null ? "" : " " + result.result(), result.durationMs(), job.jobId(),
                    job.attempt());
        } else {
            log.warn("scan {} file {} probe {}: {} ({}retryable) after {} ms: {} (job {}, attempt {})", job.scanId(),
                    prefix(job.sha256()), engine.name(), result.category().wireName(),
                    outcome.retryable() ? "" : "not ", result.durationMs(), result.error(), job.jobId(),
                    job.attempt());
        }
    }

    private static void delete(Path file, ProbeJob job, ScanEngine engine) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("scan {} file {} probe {}: could not delete temp file {}: {}", job.scanId(), prefix(job.sha256()),
                    engine.name(), file, e.toString());
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** The first 12 characters of a sha256, as every job log line shows it. */
    static String prefix(String sha256) {
        return sha256 == null ? "null" : sha256.substring(0, Math.min(12, sha256.length()));
    }

    private record Outcome(boolean retryable, EngineResult result) {

        static Outcome failure(ScanEngine engine, boolean retryable, String error, long durationMs) {
            EngineVersions versions = engine.versions();
            return new Outcome(retryable, new EngineResult(Category.FAILURE, null, versions.engineVersion(),
                    versions.signatureVersion(), durationMs, error, Map.of()));
        }
    }
}
