package dev.argus.brain.dispatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only access to the {@code brain.scan} table, the key of the fan-out's idempotency: {@code requested} once its
 * ScanRequested was fanned out, {@code cancelled} once a CancelScan arrived (possibly before the request, which is
 * then ignored). Plain SQL in the caller's transaction.
 */
@Component
class ScanRows {

    private final JdbcClient jdbc;

    ScanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a requested scan with its probes and force flag; false when the scan was already known (a repeat, or
     * cancelled first).
     */
    boolean insertRequested(UUID id, List<String> probes, boolean force, Instant now) {
        return jdbc.sql("""
                        insert into brain.scan (id, received_at, cancelled, requested, probes, force)
                        values (:id, :now, false, true, :probes, :force)
                        on conflict (id) do nothing""")
                .param("id", id)
                .param("now", timestamp(now))
                .param("probes", probes.toArray(String[]::new))
                .param("force", force)
                .update() == 1;
    }

    /**
     * What an active scan asked for (its probes and force flag), for the files found inside its containers; empty
     * when the scan is unknown, cancelled, or was recorded before the brain kept its probes.
     */
    Optional<Asked> asked(UUID id) {
        return jdbc.sql("select probes, force from brain.scan where id = :id and not cancelled and probes is not null")
                .param("id", id)
                .query((rs, row) -> new Asked(List.of((String[]) rs.getArray("probes").getArray()),
                        rs.getBoolean("force")))
                .optional();
    }

    /** The probes and force flag of a scan. */
    record Asked(List<String> probes, boolean force) {
    }

    /** Marks the scan cancelled, creating its row when the cancel overtook the request. */
    void upsertCancelled(UUID id, Instant now) {
        jdbc.sql("""
                        insert into brain.scan (id, received_at, cancelled, requested) values (:id, :now, true, false)
                        on conflict (id) do update set cancelled = true""")
                .param("id", id)
                .param("now", timestamp(now))
                .update();
    }

    /** Whether the scan was cancelled. */
    boolean isCancelled(UUID id) {
        return jdbc.sql("select cancelled from brain.scan where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
