package dev.argus.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What became of one local file: the scan it went into and, once that scan is over, its verdict and the
 * engines that detected something.
 *
 * @param verdict null when the command did not wait; otherwise the verdict's label ({@code malicious},
 *                {@code suspicious}, {@code clean}) or {@code unknown} when the server gave none
 */
public record FileOutcome(String path, String sha256, long size, String scanId, String verdict,
                          List<Detection> detections) {

    /** One engine's finding: its category ({@code malicious} or {@code suspicious}) and threat name. */
    public record Detection(String engine, String category, String threat) {
    }

    public boolean malicious() {
        return "malicious".equals(verdict);
    }

    /** Submitted, not waited for. */
    public static FileOutcome submitted(String path, String sha256, long size, String scanId) {
        return new FileOutcome(path, sha256, size, scanId, null, List.of());
    }

    /** From the FileResult of a scan that is over; file null when the scan does not list it. */
    public static FileOutcome judged(String path, String sha256, long size, String scanId, JsonNode file) {
        if (file == null) {
            return new FileOutcome(path, sha256, size, scanId, "unknown", List.of());
        }
        String label = file.path("verdict").path("label").asString("");
        List<Detection> detections = new ArrayList<>();
        file.path("results").properties().forEach(entry -> {
            String category = entry.getValue().path("category").asString("");
            if (category.equals("malicious") || category.equals("suspicious")) {
                detections.add(new Detection(entry.getKey(), category, entry.getValue().path("result").asString("")));
            }
        });
        return new FileOutcome(path, sha256, size, scanId, label.isEmpty() ? "unknown" : label,
                List.copyOf(detections));
    }
}
