package dev.argus.brain.job;

import dev.argus.brain.BrainProperties;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.WorkClass;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.OutboundMessage;
import dev.argus.messaging.Routes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books probes' results against their jobs, a consumer batch in one transaction, idempotently by job id: only a
 * PENDING job takes a result. A result the probe marked for retry re-sends the job (same id, same deadline, next
 * attempt); any other result finishes the job (the frontends got the same message from {@code argus.results} and
 * store it themselves). An extraction probe's result that carries a report is the exception: the frontends ignore
 * the probe's copy, and the brain relays it after adding the files found to the scan ({@link ExtractedFiles}).
 * Retries and relays are confirmed by the broker inside the transaction, so a failure at any point leaves the results
 * to be redelivered.
 */
@Service
class ResultHandler {

    private static final Logger log = LoggerFactory.getLogger(ResultHandler.class);

    private final JobRows rows;
    private final ScanLocks scanLocks;
    private final MessagePublisher publisher;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final JobMeters meters;
    private final ExtractedFiles extractedFiles;

    ResultHandler(JobRows rows, ScanLocks scanLocks, MessagePublisher publisher, BrainProperties properties,
                  Clock clock, JobMeters meters, ExtractedFiles extractedFiles) {
        this.extractedFiles = extractedFiles;
        this.meters = meters;
        this.rows = rows;
        this.scanLocks = scanLocks;
        this.publisher = publisher;
        this.retryPolicy = new RetryPolicy(properties.maxAttempts());
        this.clock = clock;
    }

    /** Handles every result of these {@code ResultsReported} messages in this transaction. */
    @Transactional
    public void handleAll(List<ResultsReported> messages) {
        Instant now = clock.instant();
        Map<Map.Entry<String, WorkClass>, List<ProbeJob>> retries = new LinkedHashMap<>();
        List<JobResult> reports = new ArrayList<>();
        List<OutboundMessage> outbound = new ArrayList<>();
        messages.stream().flatMap(m -> m.results().stream().map(r -> new Received(m.producer(), r)))
                .sorted(Comparator.comparing((Received r) -> r.result().jobId())) // one lock order: no deadlock
                .forEach(received -> handle(received, now, retries, reports, outbound));
        // a retry keeps its scan's work class: its priority
        retries.forEach((key, jobs) -> outbound.add(Routes.scanFiles(new ScanFiles(key.getKey(), jobs,
                key.getValue()))));
        if (!reports.isEmpty()) {
            outbound.add(Routes.brainResults(new ResultsReported("brain", reports, now)));
        }
        publisher.publishAll(outbound);
    }

    private void handle(Received received, Instant now, Map<Map.Entry<String, WorkClass>, List<ProbeJob>> retries,
                        List<JobResult> reports,
                        List<OutboundMessage> outbound) {
        JobResult message = received.result();
        Optional<Job> found = rows.lock(message.jobId());
        if (found.isEmpty() && message.scanId() != null) {
            // The fan-out of its scan may still be committing: wait for it, then look again.
            scanLocks.lock(message.scanId());
            found = rows.lock(message.jobId());
        }
        if (found.isEmpty()) {
            log.warn("Dropped result for unknown job {} (scan {} file {} probe {})", message.jobId(),
                    message.scanId(), JobIds.shortSha(message.sha256()), message.probe());
            return;
        }
        Job job = found.get();
        if (!job.probe().equals(message.probe())) {
            log.warn("Dropped result of probe {} from {} for job {} of probe {} (scan {} file {})", message.probe(),
                    received.producer(), job.id(), job.probe(), job.scanId(), JobIds.shortSha(job.sha256()));
            return;
        }
        RetryPolicy.Decision decision = retryPolicy.decide(job.status(), job.attempt(), message.attempt(),
                message.willRetry());
        switch (decision) {
            case DROP_NOT_PENDING -> log.info("Dropped result of attempt {} from {}: scan {} file {} probe {} job {} is {}",
                    message.attempt(), received.producer(), job.scanId(), JobIds.shortSha(job.sha256()), job.probe(),
                    job.id(), job.status());
            case DROP_STALE -> log.info("Dropped stale result of attempt {}: scan {} file {} probe {} job {} is at attempt {}",
                    message.attempt(), job.scanId(), JobIds.shortSha(job.sha256()), job.probe(), job.id(),
                    job.attempt());
            case RETRY -> {
                job.nextAttempt();
                rows.saveAttempt(job);
                meters.retried(job.probe());
                retries.computeIfAbsent(Map.entry(job.probe(), job.workClass()), p -> new ArrayList<>())
                        .add(job.toProbeJob(retryPolicy.maxAttempts()));
                log.info("Retrying scan {} file {} probe {} job {}: attempt {} after {} ({})", job.scanId(),
                        JobIds.shortSha(job.sha256()), job.probe(), job.id(), job.attempt(),
                        message.result().category().wireName(), message.result().error());
            }
            case FINISH, FINISH_AND_REPORT -> {
                job.finishFromEngine(message.result(), now);
                rows.saveFinished(job);
                if (decision == RetryPolicy.Decision.FINISH_AND_REPORT) {
                    reports.add(job.toResult());
                } else if (message.extracted() != null) {
                    // the frontends ignored the probe's copy: the relay carries the report with the files added
                    outbound.addAll(extractedFiles.admit(job, message.extracted(), now));
                }
                logFinished(job, message);
            }
        }
    }

    /**
     * The one INFO line per job that docs/operations.md promises: scan, file (sha256 prefix), probe, result, the
     * engine's own duration and the job's, from its dispatch to its result.
     */
    private static void logFinished(Job job, JobResult message) {
        EngineResult result = message.result();
        log.info("Job done: scan {} file {} probe {} result {}{} engine {} ms, job {} ms (job {}, attempt {})",
                job.scanId(), JobIds.shortSha(job.sha256()), job.probe(), result.category().wireName(),
                result.result() == null ? "" : " " + result.result(), result.durationMs(),
                Duration.between(job.createdAt(), job.finishedAt()).toMillis(), job.id(), message.attempt());
    }

    private record Received(String producer, JobResult result) {
    }
}
