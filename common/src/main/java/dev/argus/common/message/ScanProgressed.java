package dev.argus.common.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event, frontend to every frontend: what one frontend just committed about scans, so that the live streams
 * (Server-Sent Events) and long polls of clients connected to any frontend see it. Transient and unconfirmed: it
 * only wakes clients up; the database stays the truth, read by every {@code GET}.
 *
 * @param origin  the frontend instance that committed it (it does not handle its own)
 * @param results results newly stored, in order
 * @param status  scans whose status changed, in order
 */
public record ScanProgressed(String origin, List<StoredResult> results, List<StatusChange> status) {

    public ScanProgressed {
        results = results == null ? List.of() : List.copyOf(results);
        status = status == null ? List.of() : List.copyOf(status);
    }

    /** One stored result with the scan's progress counted with it. */
    public record StoredResult(UUID scanId, String sha256, String probe, boolean cached, EngineResult result,
                               int total, int done) {
    }

    /** A scan's new status ({@code queued}, {@code running}, {@code finished}, {@code cancelled}). */
    public record StatusChange(UUID scanId, String status, int total, int done, Instant finishedAt) {
    }
}
