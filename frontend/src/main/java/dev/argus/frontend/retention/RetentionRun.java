package dev.argus.frontend.retention;

import java.time.Instant;

/**
 * What one run of retention removed.
 *
 * @param startedAt    when it started
 * @param actor        who ran it: {@code system} for the schedule, else the admin
 * @param files        files deleted because not seen within {@code files-unseen-for}, with what was found inside them
 * @param fileBytes    their total size
 * @param scans        scans deleted because older than {@code scans-older-than}, or left with no file
 * @param results      results deleted with those scans
 * @param orphans      store files deleted because no row referenced them
 * @param orphanBytes  their total size
 */
public record RetentionRun(Instant startedAt, String actor, int files, long fileBytes, int scans, int results,
                           int orphans, long orphanBytes) {

    /** One line for the log and the audit event. */
    String describe() {
        return "files " + files + " (" + fileBytes + " bytes), scans " + scans + " (results " + results
                + "), orphans " + orphans + " (" + orphanBytes + " bytes)";
    }
}
