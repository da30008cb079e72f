package dev.argus.frontend.file;

import dev.argus.frontend.scan.ResultView;
import dev.argus.frontend.scan.ScanStatus;
import dev.argus.frontend.scan.Stats;
import dev.argus.frontend.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything known about one file across all scans ({@code GET /api/v1/files/{hash}}).
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
 * @param stats     categories over {@code results}
 * @param results   the latest result of each probe, by probe name
 * @param scans     the scans it was part of, newest first (at most {@value FileReports#MAX_SCANS})
 * @param verdict   the verdict from the latest results, null while the file has none
 * @param parents   known containers it was found in, with its member path there (at most 100)
 * @param children  known files found in it, with their member paths (at most 100)
 */
public record FileReport(String sha256, String md5, String sha1, long size, String mimeType, List<String> names,
                         List<String> tags, Instant firstSeen, Instant lastSeen, Stats stats,
                         Map<String, ResultView> results, List<ScanRef> scans,
                         Verdict verdict, List<Member> parents, List<Member> children) {

    /**
     * A (container, member) pair seen from one side.
     *
     * @param sha256 the other file of the pair
     * @param path   the member's path inside the container (data, shown escaped)
     */
    public record Member(String sha256, String path) {
    }

    /** A scan a file was part of. */
    public record ScanRef(UUID id, Instant createdAt, ScanStatus status) {
    }
}
