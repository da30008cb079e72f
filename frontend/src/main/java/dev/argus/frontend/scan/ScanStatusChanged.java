package dev.argus.frontend.scan;

import java.time.Instant;
import java.util.UUID;

/**
 * In-process event, delivered after commit: a scan changed status.
 *
 * @param scanId     the scan
 * @param status     the new status
 * @param progress   the scan's progress
 * @param finishedAt set once the scan is finished or cancelled
 */
public record ScanStatusChanged(UUID scanId, ScanStatus status, Progress progress, Instant finishedAt) {
}
