package dev.argus.brain.dispatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** Records a requested scan; false when the scan was already known (a repeat, or cancelled first). */
    boolean insertRequested(UUID id, Instant now) {
        return jdbc.sql("""
                        insert into brain.scan (id, received_at, cancelled, requested) values (:id, :now, false, true)
                        on conflict (id) do nothing""")
                .param("id", id)
                .param("now", timestamp(now))
                .update() == 1;
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
