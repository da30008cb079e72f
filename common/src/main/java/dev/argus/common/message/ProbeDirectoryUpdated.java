package dev.argus.common.message;

import java.time.Instant;
import java.util.List;

/**
 * Event, brain to frontend: the whole probe directory, sent on every change and periodically, so a
 * frontend that starts late catches up. It replaces what the frontend knew.
 */
public record ProbeDirectoryUpdated(List<ProbeStatus> probes, Instant at) {
}
