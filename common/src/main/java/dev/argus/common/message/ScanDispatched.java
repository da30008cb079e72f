package dev.argus.common.message;

import java.time.Instant;
import java.util.UUID;

/**
 * Event, brain to frontend: the scan was fanned out; it is running.
 *
 * @param scanId      the scan
 * @param jobsSent    jobs sent to probes
 * @param resolvedNow pairs answered at once (mime filter, offline probe, cache)
 * @param at          when
 */
public record ScanDispatched(UUID scanId, int jobsSent, int resolvedNow, Instant at) {
}
