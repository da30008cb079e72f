package dev.argus.common.message;

import java.time.Instant;
import java.util.UUID;

/**
 * Event, brain to frontend: the final result of one (file, probe) pair of a scan. Exactly one is sent per
 * pair in normal operation; the frontend keeps the first and ignores repeats.
 *
 * @param scanId the scan
 * @param jobId  the job, or null where no job was sent (mime filter, offline probe, cache hit)
 * @param sha256 the file
 * @param probe  the probe name
 * @param cached true when the result was reused from an earlier scan of the same file
 * @param result the engine's answer
 * @param at     when the brain reported it
 */
public record ResultReported(UUID scanId, UUID jobId, String sha256, String probe, boolean cached,
                             EngineResult result, Instant at) {
}
