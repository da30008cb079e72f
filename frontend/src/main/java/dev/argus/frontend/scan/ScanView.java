package dev.argus.frontend.scan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scan as the API returns it.
 *
 * @param id         the scan id
 * @param status     queued, running, finished, cancelled or error
 * @param createdAt  when it was recorded
 * @param finishedAt when it finished or was cancelled, else null
 * @param progress   results expected and received
 * @param probes     the probes it runs
 * @param force      false: stored results may be reused
 * @param tags       the client's tags
 * @param metadata   the client's JSON object, echoed back
 * @param files      its distinct files, in request order
 */
public record ScanView(UUID id, ScanStatus status, Instant createdAt, Instant finishedAt, Progress progress,
                       List<String> probes, boolean force, List<String> tags, Map<String, Object> metadata,
                       List<FileResultView> files) {
}
