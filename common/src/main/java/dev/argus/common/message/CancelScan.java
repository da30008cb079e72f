package dev.argus.common.message;

import java.time.Instant;
import java.util.UUID;

/** Command, frontend to brain: end the scan's pending jobs as cancelled; results already in are kept. */
public record CancelScan(UUID scanId, Instant at) {
}
