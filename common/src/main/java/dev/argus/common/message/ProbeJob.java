package dev.argus.common.message;

import java.time.Instant;
import java.util.List;
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
 * @param passwords   the scan's passwords for encrypted containers, sent only to extraction probes (secrets: never
 *                    logged); empty otherwise
 */
public record ProbeJob(UUID jobId, UUID scanId, String sha256, String probe, String mimeType, int attempt,
                       boolean lastAttempt, Instant deadline, List<String> passwords) {

    public ProbeJob {
        passwords = passwords == null ? List.of() : List.copyOf(passwords);
    }

    /** A job without passwords. */
    public ProbeJob(UUID jobId, UUID scanId, String sha256, String probe, String mimeType, int attempt,
                    boolean lastAttempt, Instant deadline) {
        this(jobId, scanId, sha256, probe, mimeType, attempt, lastAttempt, deadline, List.of());
    }

    /** Names the job and counts its passwords, never shows them. */
    @Override
    public String toString() {
        return "ProbeJob[jobId=" + jobId + ", scanId=" + scanId + ", sha256=" + sha256 + ", probe=" + probe
                + ", mimeType=" + mimeType + ", attempt=" + attempt + ", lastAttempt=" + lastAttempt + ", deadline="
                + deadline + ", passwords=" + passwords.size() + "]";
    }
}
