package dev.argus.frontend.file;

import dev.argus.frontend.scan.Stats;
import java.time.Instant;
import java.util.List;

/**
 * A file as a search lists it: the report without per-probe results and scans.
 *
 * @param sha256    lower-case hex
 * @param md5       lower-case hex
 * @param sha1      lower-case hex
 * @param size      bytes
 * @param mimeType  detected from the content
 * @param names     every name it was submitted under, oldest first
 * @param tags      the tags of every scan it was part of
 * @param firstSeen first submission
 * @param lastSeen  latest submission
 * @param stats     categories over the latest result of each probe
 */
public record FileSummary(String sha256, String md5, String sha1, long size, String mimeType, List<String> names,
                          List<String> tags, Instant firstSeen, Instant lastSeen, Stats stats) {
}
