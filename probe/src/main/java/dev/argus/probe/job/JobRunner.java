package dev.argus.probe.job;

import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ExtractionReport;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.store.FileNotInStoreException;
import dev.argus.common.store.FileStore;
import dev.argus.common.store.FileStoreException;
import dev.argus.common.store.StoredContentMismatchException;
import dev.argus.common.timing.StageTimer;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.Routes;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanContext;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Runs a batch of jobs: each job is dropped if past its deadline; otherwise its file is fetched into the work
 * directory, scanned under the engine's timeout, and the temp file deleted whatever happened; then the results of the
 * batch are published as one {@code ResultsReported} with a broker confirm. Engine strings are cleaned
 * ({@code EngineResult.sanitized}) before they leave the probe. Engine errors become results: a timeout is {@code timeout} and a crash {@code failure}, both
 * retryable (marked {@code willRetry} unless the job is at its last attempt); a terminal engine error, a file
 * missing from the store, a stored file whose content does not hash to its sha256 (tampering or corruption: fetched
 * again it would not change, so it is never scanned and not retried; logged at ERROR) or an invalid key is a
 * {@code failure} that is not retried. Thread-safe; called concurrently by the consumers of every engine.
 */
public final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final FileStore store;
    private final Path workDir;
    private final MessagePublisher publisher;
    private final String instanceId;
    private final Clock clock;
    private final ExecutorService scans;
    private final ScanMeters meters;

    /**
     * @param scans  runs {@link ScanEngine#scan(Path)} so the consumer thread can stop waiting at the timeout;
     *               needs as many threads as scans run at once (a cached pool)
     * @param meters where each engine run's duration is recorded
     */
    public JobRunner(FileStore store, Path workDir, MessagePublisher publisher, String instanceId, Clock clock,
                     ExecutorService scans, ScanMeters meters) {
        this.meters = meters;
        this.store = store;
        this.workDir = workDir;
        this.publisher = publisher;
        this.instanceId = instanceId;
        this.clock = clock;
        this.scans = scans;
    }

    /**
     * Handles a batch of jobs for one engine, one file after the other, and publishes their results as one
     * {@code ResultsReported} to {@code argus.results}; returns only once it is confirmed by the broker (or every job
     * was dropped past its deadline).
     *
     * @throws org.springframework.amqp.AmqpException when the results could not be published: the batch must be
     *                                                redelivered
     * @throws InterruptedException                   when the consumer is being stopped; the batch must be
     *                                                redelivered
     */
    public void handle(ScanFiles batch, ScanEngine engine) throws InterruptedException {
        List<JobResult> results = new ArrayList<>(batch.jobs().size());
        for (ProbeJob job : batch.jobs()) {
            JobResult result = handle(job, engine);
            if (result != null) {
                results.add(result);
            }
        }
        publish(engine, results);
    }

    /** Runs one job: its result, or null when it was dropped unscanned past its deadline. */
    private JobResult handle(ProbeJob job, ScanEngine engine) throws InterruptedException {
        if (job.deadline() != null && clock.instant().isAfter(job.deadline())) {
            log.info("scan {} file {} probe {}: job {} dropped unscanned, its deadline {} has passed", job.scanId(),
                    prefix(job.sha256()), engine.name(), job.jobId(), job.deadline());
            return null;
        }
        Path file = null;
        try {
            Outcome outcome;
            try {
                file = store.fetch(job.sha256(), workDir);
                outcome = scan(job, engine, file);
            } catch (StoredContentMismatchException e) {
                log.error("scan {} file {} probe {}: the file store holds other content under this sha256, not"
                        + " scanned: {}", job.scanId(), prefix(job.sha256()), engine.name(), e.getMessage());
                outcome = Outcome.failure(engine, false, StoredContentMismatchException.MESSAGE, 0);
            } catch (FileNotInStoreException | IllegalArgumentException e) {
                outcome = Outcome.failure(engine, false, e.getMessage(), 0);
            } catch (FileStoreException | UncheckedIOException e) {
                outcome = Outcome.failure(engine, true, "cannot fetch the file: " + e.getMessage(), 0);
            }
            JobResult result = new JobResult(job.jobId(), job.scanId(), job.sha256(), engine.name(), job.attempt(),
                    outcome.retryable(), outcome.retryable() && !job.lastAttempt(), false,
                    outcome.result().sanitized(), outcome.extracted());
            logResult(job, engine, result);
            return result;
        } finally {
            delete(file, job, engine);
        }
    }

    /** Runs the engine on the file and records how long it took ({@link ScanMeters}). */
    private Outcome scan(ProbeJob job, ScanEngine engine, Path file) throws InterruptedException {
        long start = System.nanoTime();
        Outcome outcome = runEngine(job, engine, file);
        meters.scanned(engine.name(), outcome.result().category(), Duration.ofNanos(System.nanoTime() - start));
        return outcome;
    }

    private Outcome runEngine(ProbeJob job, ScanEngine engine, Path file) throws InterruptedException {
        Duration timeout = engine.timeout();
        long start = System.nanoTime();
        long startMark = StageTimer.start();
        Future<ScanOutcome> future = scans.submit(
                () -> Objects.requireNonNull(engine.scan(file, new ScanContext(job.scanId(), job.sha256(),
                        job.passwords())), "the engine returned no outcome"));
        try {
            ScanOutcome scanned = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            StageTimer.stop("probe.engine", startMark);
            EngineVersions versions = scanned.versions();
            return new Outcome(false, new EngineResult(scanned.category(), scanned.threat(), versions.engineVersion(),
                    versions.signatureVersion(), millisSince(start), null, scanned.details()), scanned.extracted());
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

    private void publish(ScanEngine engine, List<JobResult> results) {
        if (results.isEmpty()) {
            return;
        }
        try {
            long start = StageTimer.start();
            publisher.publish(Routes.probeResults(engine.name(),
                    new ResultsReported(instanceId, results, clock.instant())));
            StageTimer.stop("probe.publish", start);
        } catch (RuntimeException e) {
            log.warn("probe {}: {} result(s) of scan {} not confirmed by the broker, the batch will be redelivered: {}",
                    engine.name(), results.size(), results.getFirst().scanId(), e.getMessage());
            throw e;
        }
    }

    private static void logResult(ProbeJob job, ScanEngine engine, JobResult message) {
        EngineResult result = message.result();
        if (result.error() == null) {
            log.info("scan {} file {} probe {}: {}{} in {} ms (job {}, attempt {})", job.scanId(),
                    prefix(job.sha256()), engine.name(), result.category().wireName(),
                    result.result() == null ? "" : " " + result.result(), result.durationMs(), job.jobId(),
                    job.attempt());
        } else {
            log.warn("scan {} file {} probe {}: {} ({}retryable{}) after {} ms: {} (job {}, attempt {})", job.scanId(),
                    prefix(job.sha256()), engine.name(), result.category().wireName(),
                    message.retryable() ? "" : "not ", message.willRetry() ? ", will be retried" : "",
                    result.durationMs(), result.error(), job.jobId(), job.attempt());
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

    private record Outcome(boolean retryable, EngineResult result, ExtractionReport extracted) {

        Outcome(boolean retryable, EngineResult result) {
            this(retryable, result, null);
        }

        static Outcome failure(ScanEngine engine, boolean retryable, String error, long durationMs) {
            EngineVersions versions = engine.versions();
            return new Outcome(retryable, new EngineResult(Category.FAILURE, null, versions.engineVersion(),
                    versions.signatureVersion(), durationMs, error, Map.of()));
        }
    }
}
