package dev.argus.frontend.label;

import java.util.List;

/**
 * What a CSV import did.
 *
 * @param imported      labels stored
 * @param rejectedCount lines rejected
 * @param rejected      the first {@value LabelImport#MAX_REPORTED} rejected lines, with reasons
 */
public record ImportReport(int imported, int rejectedCount, List<Rejection> rejected) {

    /**
     * A line that was not imported.
     *
     * @param line   1-based line number
     * @param sha256 the line's first field, or null when empty
     * @param reason why
     */
    public record Rejection(long line, String sha256, String reason) {
    }
}
