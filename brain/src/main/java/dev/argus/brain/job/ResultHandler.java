package dev.argus.brain.job;

import dev.argus.brain.BrainProperties;
import dev.argus.brain.messaging.Outbound;
import dev.argus.common.message.ProbeResult;
import dev.argus.messaging.MessagePublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a probe's result to its job, idempotently by job id: only a PENDING job takes a result. A
 * retryable result with attempts left re-sends the job (same id, same deadline, next attempt); any other
 * result finishes the job and is reported to the frontends. The outgoing message is confirmed by the broker
 * inside the transaction, so a failure at any point leaves the result message to be redelivered.
 */
@Service
class ResultHandler {

    private static final Logger log = LoggerFactory.getLogger(ResultHandler.class);

    private final JobRows rows;
    private final ScanLocks scanLocks;
    private final MessagePublisher publisher;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    ResultHandler(JobRows rows, ScanLocks scanLocks, MessagePublisher publisher, BrainProperties properties,
                  Clock clock) {
        this.rows = rows;
        this.scanLocks = scanLocks;
        this.publisher = publisher;
        this.retryPolicy = new RetryPolicy(properties.maxAttempts());
        this.clock = clock;
    }

    @Transactional
    public void handle(ProbeResult message) {
        Optional<JobEntity> found = rows.lock(message.jobId());
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
        JobEntity job = found.get();
        Instant now = clock.instant();
        switch (retryPolicy.decide(job.status(), job.attempt(), message.attempt(), message.retryable())) {
            case DROP_NOT_PENDING -> log.info("Dropped result of attempt {} from {}: scan {} file {} probe {} job {} is {}",
                    message.attempt(), message.instanceId(), job.scanId(), JobIds.shortSha(job.sha256()), job.probe(),
                    job.getId(), job.status());
            case DROP_STALE -> log.info("Dropped stale retryable result of attempt {}: scan {} file {} probe {} job {} is at attempt {}",
                    message.attempt(), job.scanId(), JobIds.shortSha(job.sha256()), job.probe(), job.getId(),
                    job.attempt());
            case RETRY -> {
                job.nextAttempt();
                rows.saveAttempt(job);
                publisher.publishAll(List.of(Outbound.job(job.toProbeJob())));
                log.info("Retrying scan {} file {} probe {} job {}: attempt {} after {} ({})", job.scanId(),
                        JobIds.shortSha(job.sha256()), job.probe(), job.getId(), job.attempt(),
                        message.result().category().wireName(), message.result().error());
            }
            case FINISH -> {
                job.finishFromEngine(message.result(), now);
                rows.saveFinished(job);
                publisher.publishAll(List.of(Outbound.result(job.toReport(now))));
                log.debug("Result of scan {} file {} probe {} job {} attempt {}: {} {}", job.scanId(),
                        JobIds.shortSha(job.sha256()), job.probe(), job.getId(), message.attempt(),
                        message.result().category().wireName(),
                        message.result().result() == null ? "" : message.result().result());
            }
        }
    }
}
