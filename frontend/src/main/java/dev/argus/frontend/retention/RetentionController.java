package dev.argus.frontend.retention;

import dev.argus.frontend.audit.AuditEvent;
import dev.argus.frontend.audit.AuditLog;
import dev.argus.frontend.security.Callers;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention for admins ({@code /api/v1/admin/...}, ADMIN only by the security rules): the settings in force with the
 * last runs, a run now, and the files on legal hold.
 */
@RestController
class RetentionController {

    /** How many past runs the status lists. */
    static final int LAST_RUNS = 10;

    private final RetentionJob job;
    private final LegalHolds holds;
    private final AuditLog audit;

    RetentionController(RetentionJob job, LegalHolds holds, AuditLog audit) {
        this.job = job;
        this.holds = holds;
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/retention")
    RetentionStatus status() {
        RetentionProperties p = job.properties();
        return new RetentionStatus(p.enabled(), iso(p.interval()), iso(p.filesUnseenFor()), iso(p.scansOlderThan()),
                p.orphanSweep(), iso(p.orphanGrace()), audit.newest(RetentionJob.AUDIT_ACTION, 0, LAST_RUNS));
    }

    @PostMapping("/api/v1/admin/retention/run")
    RetentionRun run() {
        return job.run(Callers.current().username());
    }

    @GetMapping("/api/v1/admin/legal-holds")
    List<LegalHold> holds() {
        return holds.all();
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    /**
     * The retention settings in force (durations in ISO-8601, null when unset) and the last runs, newest first.
     *
     * @param enabled        whether the scheduled job runs
     * @param interval       how often
     * @param filesUnseenFor files not seen for this long are deleted; null: kept for ever
     * @param scansOlderThan scans older than this are deleted; null: kept for ever
     * @param orphanSweep    whether store files no row references are deleted
     * @param orphanGrace    store files younger than this are never swept
     * @param lastRuns       the audit events of the last runs ({@code retention-run})
     */
    record RetentionStatus(boolean enabled, String interval, String filesUnseenFor, String scansOlderThan,
                           boolean orphanSweep, String orphanGrace, List<AuditEvent> lastRuns) {
    }
}
