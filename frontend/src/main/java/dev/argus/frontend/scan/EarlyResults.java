package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.JobResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Results that arrived before their file joined the scan ({@code scan_result_early}). With several frontends, the
 * brain's relay that adds the files found in an archive ({@link ExtractedFilesRecorder}) and a probe's result for one
 * of those files can reach two frontends at once, and the result's transaction can lock the scan first: the result is
 * kept here, not counted, and taken back when the relay adds its file. The rows of a scan are deleted when it
 * finishes; a result for a file that never joins (a forged one) goes then too. Plain SQL in the caller's transaction,
 * which holds the scan's row lock.
 */
@Component
class EarlyResults {

    private static final Logger log = LoggerFactory.getLogger(EarlyResults.class);

    private final JdbcClient jdbc;

    EarlyResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a result for a file the scan does not hold yet (the first one per file and probe). */
    void keep(JobResult result, Instant now) {
        int kept = jdbc.sql("""
                        insert into scan_result_early (scan_id, sha256, probe, result, received_at)
                        values (:scanId, :sha256, :probe, cast(:result as jsonb), :at)
                        on conflict do nothing""")
                .param("scanId", result.scanId())
                .param("sha256", result.sha256())
                .param("probe", result.probe())
                .param("result", ArgusJson.mapper().writeValueAsString(result))
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        log.info("scan {}: result of {} for {} kept until the file joins the scan{}", result.scanId(), result.probe(),
                ResultRecorder.prefix(result.sha256()), kept == 0 ? " (a repeat)" : "");
    }

    /** Takes (returns and deletes) the results kept for these files of the scan. */
    List<JobResult> take(UUID scanId, List<String> sha256s) {
        if (sha256s.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        delete from scan_result_early where scan_id = :scanId and sha256 = any(:hashes)
                        returning result::text as result""")
                .param("scanId", scanId)
                .param("hashes", sha256s.toArray(String[]::new))
                .query((rs, row) -> ArgusJson.mapper().readValue(rs.getString("result"), JobResult.class))
                .list();
    }

    /** Deletes what is kept for a scan that ended. */
    void forget(UUID scanId) {
        jdbc.sql("delete from scan_result_early where scan_id = :scanId").param("scanId", scanId).update();
    }
}
