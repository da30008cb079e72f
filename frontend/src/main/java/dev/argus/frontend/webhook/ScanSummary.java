package dev.argus.frontend.webhook;

import dev.argus.frontend.scan.FileResultView;
import dev.argus.frontend.scan.Progress;
import dev.argus.frontend.scan.ScanStatus;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.verdict.Verdict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body of a delivery: which event, and the scan in short.
 *
 * @param event      {@code scan.finished} or {@code scan.cancelled}
 * @param deliveryId the delivery (also in {@code X-Argus-Delivery}): the same on every attempt, so a receiver can
 *                   drop repeats
 * @param scan       the scan
 */
record ScanSummary(String event, UUID deliveryId, Scan scan) {

    /**
     * The scan in short.
     *
     * @param counts files by verdict label ({@code malicious}, {@code suspicious}, {@code clean}, {@code unknown},
     *               {@code none} for a file without verdict, e.g. of a cancelled scan) and {@code files} in all
     * @param link   the scan in the API: a path, or an absolute URL when {@code argus.webhooks.public-url} is set
     */
    record Scan(UUID id, ScanStatus status, String owner, Instant createdAt, Instant finishedAt, Progress progress,
                List<String> tags, Map<String, Integer> counts, List<File> files, String link) {
    }

    /**
     * One file of the scan (uploaded ones and those found inside them).
     *
     * @param parent  the container's sha256, null for an uploaded file
     * @param verdict null while it has none
     */
    record File(String sha256, String name, String parent, FileVerdict verdict) {
    }

    /** A file's verdict label and confidence (0 to 1). */
    record FileVerdict(Verdict.Label label, double confidence) {
    }

    static ScanSummary of(String event, UUID deliveryId, String owner, ScanView view, String publicUrl) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("files", view.files().size());
        for (Verdict.Label label : Verdict.Label.values()) {
            counts.put(label.wireName(), 0);
        }
        counts.put("none", 0);
        List<File> files = view.files().stream().map(ScanSummary::file).toList();
        files.forEach(f -> counts.merge(f.verdict() == null ? "none" : f.verdict().label().wireName(), 1,
                Integer::sum));
        String link = publicUrl.replaceAll("/+$", "") + "/api/v1/scans/" + view.id();
        return new ScanSummary(event, deliveryId, new Scan(view.id(), view.status(), owner, view.createdAt(),
                view.finishedAt(), view.progress(), view.tags(), counts, files, link));
    }

    private static File file(FileResultView f) {
        return new File(f.sha256(), f.name(), f.parent(),
                f.verdict() == null ? null : new FileVerdict(f.verdict().label(), f.verdict().confidence()));
    }
}
