package dev.argus.brain.dispatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The insert every fan-out starts with, as one plain SQL statement in the caller's transaction (the
 * repository's native query went through several proxies per scan). The rare writes (cancel) stay in
 * {@link ScanRepository}.
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
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update() == 1;
    }
}
