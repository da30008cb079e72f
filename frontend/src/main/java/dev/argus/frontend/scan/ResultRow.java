package dev.argus.frontend.scan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One row of {@code scan_result}: an engine's answer for one file of one scan, as written by a reported result
 * and by a copy of stored answers alike.
 *
 * @param category   the wire name
 * @param details    the engine's details as JSON text
 * @param reportedAt to the microsecond, as PostgreSQL keeps it
 */
record ResultRow(UUID scanId, String sha256, String probe, String category, String result, String engineVersion,
                 String signatureVersion, long durationMs, String error, boolean cached, String details,
                 Instant reportedAt) {

    /** Inserts the row unless the scan already has a result for this file and probe: 1 when inserted, else 0. */
    int insert(JdbcClient jdbc) {
        return jdbc.sql("""
                        insert into scan_result (scan_id, sha256, probe, category, result, engine_version,
                                                 signature_version, duration_ms, error, cached, details, reported_at)
                        values (:scanId, :sha256, :probe, :category, :result, :engineVersion, :signatureVersion,
                                :durationMs, :error, :cached, cast(:details as jsonb), :reportedAt)
                        on conflict do nothing
                        """)
                .param("scanId", scanId)
                .param("sha256", sha256)
                .param("probe", probe)
                .param("category", category)
                .param("result", result)
                .param("engineVersion", engineVersion)
                .param("signatureVersion", signatureVersion)
                .param("durationMs", durationMs)
                .param("error", error)
                .param("cached", cached)
                .param("details", details)
                .param("reportedAt", OffsetDateTime.ofInstant(reportedAt, ZoneOffset.UTC))
                .update();
    }
}
