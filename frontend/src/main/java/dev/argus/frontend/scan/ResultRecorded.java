package dev.argus.frontend.scan;

import java.util.UUID;

/**
 * In-process event, published inside the recording transaction and delivered after commit: a new result of a
 * scan was stored.
 *
 * @param scanId   the scan
 * @param sha256   the file
 * @param probe    the probe
 * @param result   the result
 * @param progress the scan's progress including this result
 */
public record ResultRecorded(UUID scanId, String sha256, String probe, ResultView result, Progress progress) {
}
