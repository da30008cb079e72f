package dev.argus.common.message;

import java.time.Instant;
import java.util.UUID;

/**
 * One file of a {@link ScanFiles} batch: scan it with the batch's engine. Each job is a unit of retry, deadline and
 * result. Handling is idempotent by {@code jobId}: the brain keeps the first answer of a job and drops later ones.
 *
 * @param jobId       the job; its result names it
 * @param scanId      the scan it belongs to
 * @param sha256      the file store key of the file
 * @param probe       the probe (engine) name
 * @param mimeType    the detected mime type
 * @param attempt     1 for the first dispatch, more for a retry
 * @param lastAttempt true when the brain will not send this job again: the probe's answer is then the pair's
 *                    result even when it is a retryable failure
 * @param deadline    past this the brain has already turned the job into a timeout; a probe drops it unscanned
 */
public record ProbeJob(UUID jobId, UUID scanId, String sha256, String probe, String mimeType, int attempt,
                       boolean lastAttempt, Instant deadline) {
}
