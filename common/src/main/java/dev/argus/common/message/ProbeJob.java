package dev.argus.common.message;

import java.time.Instant;
import java.util.UUID;

/**
 * Command, brain to probe: scan one file with one engine. Handling is idempotent by {@code jobId}: the
 * brain keeps the first result of a job and drops any later one.
 *
 * @param jobId    the job; every result names it
 * @param scanId   the scan it belongs to, for logs
 * @param sha256   the file store key of the file
 * @param probe    the probe (engine) name
 * @param mimeType the detected mime type
 * @param attempt  1 for the first dispatch, more for a retry
 * @param deadline past this the brain has already turned the job into a timeout; a probe drops it unscanned
 */
public record ProbeJob(UUID jobId, UUID scanId, String sha256, String probe, String mimeType, int attempt,
                       Instant deadline) {
}
