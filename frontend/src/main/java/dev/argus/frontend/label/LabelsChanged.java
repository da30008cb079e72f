package dev.argus.frontend.label;

/**
 * Published after labels were stored (once per request, after commit).
 *
 * @param count how many labels were stored
 */
public record LabelsChanged(int count) {
}
