package dev.argus.frontend.retention;

import dev.argus.frontend.audit.AuditLog;
import dev.argus.frontend.catalog.Hash;
import dev.argus.frontend.catalog.StoredFile;
import dev.argus.frontend.catalog.StoredFileRepository;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds ({@code legal_hold}): placed and lifted by admins, each change audited ({@code legal-hold-placed},
 * {@code legal-hold-lifted}). A held file is skipped by retention, keeps the scans that hold it from retention, stays
 * when an archive it was found in is deleted, and is refused by {@code DELETE /api/v1/files/{hash}} unless forced.
 */
@Service
public class LegalHolds {

    /** The longest reason accepted. */
    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final StoredFileRepository files;
    private final AuditLog audit;

    LegalHolds(JdbcClient jdbc, StoredFileRepository files, AuditLog audit) {
        this.jdbc = jdbc;
        this.files = files;
        this.audit = audit;
    }

    /** Places (or replaces) the hold on the file with this md5, sha1 or sha256; 404 when the file is unknown. */
    @Transactional
    public LegalHold place(String hashText, String reason, Caller admin) {
        String checkedReason = checkReason(reason);
        StoredFile file = find(hashText);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into legal_hold (sha256, reason, placed_by, placed_at)
                        values (:sha256, :reason, :by, :at)
                        on conflict (sha256) do update
                        set reason = excluded.reason, placed_by = excluded.placed_by, placed_at = excluded.placed_at""")
                .param("sha256", file.sha256())
                .param("reason", checkedReason)
                .param("by", admin.username())
                .param("at", Timestamp.from(now))
                .update();
        audit.record(admin, "legal-hold-placed", file.sha256(), checkedReason);
        return new LegalHold(file.sha256(), checkedReason, admin.username(), now);
    }

    /** Lifts the hold; 404 when the file is unknown or not held. */
    @Transactional
    public void lift(String hashText, Caller admin) {
        StoredFile file = find(hashText);
        int lifted = jdbc.sql("delete from legal_hold where sha256 = ?").param(file.sha256()).update();
        if (lifted == 0) {
            throw ApiException.notFound("legal-hold-not-found", "file " + file.sha256() + " is not on legal hold");
        }
        audit.record(admin, "legal-hold-lifted", file.sha256(), null);
    }

    /** Every hold, the newest first. */
    @Transactional(readOnly = true)
    public List<LegalHold> all() {
        return jdbc.sql("select sha256, reason, placed_by, placed_at from legal_hold order by placed_at desc")
                .query((rs, row) -> new LegalHold(rs.getString("sha256"), rs.getString("reason"),
                        rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    /** Whether the file is held. */
    boolean isHeld(String sha256) {
        return jdbc.sql("select count(*) from legal_hold where sha256 = ?").param(sha256)
                .query(Long.class).single() > 0;
    }

    /** The file with this md5, sha1 or sha256: 400 for a malformed hash, 404 when unknown. */
    StoredFile find(String hashText) {
        return files.require(Hash.parse(hashText));
    }

    private static String checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_REASON) {
            throw ApiException.badRequest("invalid-reason", "the reason is longer than " + MAX_REASON + " characters");
        }
        if (reason.indexOf('\0') >= 0) {
            throw ApiException.badRequest("invalid-reason", "the reason contains a NUL character");
        }
        return reason.strip();
    }
}
