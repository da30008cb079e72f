package dev.argus.common.message;

import java.time.Instant;
import java.util.UUID;

/**
 * Event, probe to brain: a job's outcome. Published with a broker confirm before the job is acknowledged.
 *
 * @param jobId      the job it answers
 * @param scanId     the scan, for logs
 * @param sha256     the file
 * @param probe      the probe name
 * @param attempt    the job attempt that produced it
 * @param instanceId the probe process that produced it
 * @param retryable  true when the engine crashed or timed out and a retry may succeed; false for a
 *                   conclusive answer or a terminal failure (a file the engine cannot read)
 * @param result     the engine's answer
 * @param at         when it was produced
 */
public record ProbeResult(UUID jobId, UUID scanId, String sha256, String probe, int attempt, String instanceId,
                          boolean retryable, EngineResult result, Instant at) {
}
