package dev.argus.frontend.label;

/**
 * The body of {@code PUT /api/v1/files/{sha256}/label}.
 *
 * @param label  {@code malicious} or {@code benign}
 * @param source where the truth comes from (e.g. a sandbox report or an analyst's ticket); optional
 */
public record LabelRequest(String label, String source) {
}
