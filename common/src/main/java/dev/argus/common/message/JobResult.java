package dev.argus.common.message;

import java.util.UUID;

/**
 * The answer for one (scan, file, probe) pair, as carried by {@link ResultsReported}.
 *
 * @param jobId     the job it answers; null where the brain answered without sending a job (mime filter, offline
 *                  probe, stored result)
 * @param scanId    the scan
 * @param sha256    the file
 * @param probe     the probe name
 * @param attempt   the job attempt that produced it (0 without a job)
 * @param retryable true when the engine crashed or timed out and a retry may succeed
 * @param willRetry true when the brain sends the job again because of this result: it is not the pair's answer,
 *                  and the frontends ignore it. Set by the probe from {@link ProbeJob#lastAttempt()}, so the brain
 *                  and the frontends apply the same rule
 * @param cached    true when the result was reused from an earlier scan of the same file
 * @param result    the engine's answer
 * @param extracted what an extraction engine found in the file, or null (every other engine). A probe's result that
 *                  carries one is the brain's to relay: the brain adds the files found to the scan and sends the
 *                  result on to the frontends (routing key {@code brain}); frontends ignore it from anyone else
 */
public record JobResult(UUID jobId, UUID scanId, String sha256, String probe, int attempt, boolean retryable,
                        boolean willRetry, boolean cached, EngineResult result, ExtractionReport extracted) {

    /** A result without an extraction report. */
    public JobResult(UUID jobId, UUID scanId, String sha256, String probe, int attempt, boolean retryable,
                     boolean willRetry, boolean cached, EngineResult result) {
        this(jobId, scanId, sha256, probe, attempt, retryable, willRetry, cached, result, null);
    }
}
