/**
 * Retention and deletion: an admin deletes a file and everything about it ({@link FileDeletion}), a legal hold keeps
 * a file from both ({@link LegalHolds}), and a scheduled job ({@link RetentionJob}) removes files not seen for a
 * configured time, scans past a configured age, and store files no row references ({@link OrphanSweep}).
 */
package dev.argus.frontend.retention;
