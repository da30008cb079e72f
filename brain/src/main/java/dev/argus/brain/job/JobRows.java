package dev.argus.brain.job;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.WorkClass;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only access to the {@code brain.job} table: plain SQL in the caller's transaction (every method must run inside
 * one). Row locks serialize the writers of one job: a probe's result, the deadline sweeper and a cancel.
 */
@Component
public class JobRows {

    private static final String COLUMNS = "id, scan_id, sha256, probe, mime_type, status, origin, attempt, deadline, "
            + "created_at, passwords, work_class";

    private static final String INSERT = """
            insert into brain.job (id, scan_id, sha256, probe, mime_type, status, origin, attempt, deadline, created_at,
                                   finished_at, category, result, engine_version, signature_version, duration_ms, error,
                                   details, passwords, work_class)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    JobRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts new jobs (pending or answered at once) in one JDBC batch. */
    public void insertAll(List<Job> jobs) {
        batch.batchUpdate(INSERT, jobs, jobs.size(), (statement, job) -> {
            boolean finished = job.status() != JobStatus.PENDING;
            EngineResult result = finished ? job.engineResult() : null;
            statement.setObject(1, job.id());
            statement.setObject(2, job.scanId());
            statement.setString(3, job.sha256());
            statement.setString(4, job.probe());
            statement.setString(5, job.mimeType());
            statement.setString(6, job.status().name());
            statement.setString(7, job.origin().name());
            statement.setInt(8, job.attempt());
            statement.setObject(9, timestamp(job.deadline()));
            statement.setObject(10, timestamp(job.createdAt()));
            statement.setObject(11, timestamp(job.finishedAt()));
            statement.setString(12, finished ? result.category().wireName() : null);
            statement.setString(13, finished ? result.result() : null);
            statement.setString(14, finished ? result.engineVersion() : null);
            statement.setString(15, finished ? result.signatureVersion() : null);
            statement.setObject(16, finished ? result.durationMs() : null, Types.BIGINT);
            statement.setString(17, finished ? result.error() : null);
            statement.setString(18, finished ? ArgusJson.mapper().writeValueAsString(result.details()) : null);
            statement.setArray(19, job.passwords().isEmpty() ? null
                    : statement.getConnection().createArrayOf("text", job.passwords().toArray()));
            statement.setString(20, job.workClass().wireName());
        });
    }

    /** The distinct files (sha256) the scan has jobs for: its uploads and the files found inside them so far. */
    public java.util.Set<String> filesOf(UUID scanId) {
        return new java.util.HashSet<>(jdbc.sql("select distinct sha256 from brain.job where scan_id = :scanId")
                .param("scanId", scanId)
                .query(String.class)
                .list());
    }

    /** The job with a row lock held until the transaction ends. */
    Optional<Job> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from brain.job where id = :id for update")
                .param("id", id)
                .query((rs, row) -> job(rs))
                .optional();
    }

    /**
     * Up to {@code limit} PENDING jobs past their deadline, locked; rows another brain or a result being handled holds
     * are skipped, so several brains can sweep at once.
     */
    List<Job> lockOverdue(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from brain.job where status = 'PENDING' and deadline < :now
                        order by deadline limit :limit for update skip locked""")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, row) -> job(rs))
                .list();
    }

    /** How many jobs are PENDING (sent, no answer yet), by probe; probes without any are absent. */
    Map<String, Long> pendingByProbe() {
        return jdbc.sql("select probe, count(*) as pending from brain.job where status = 'PENDING' group by probe")
                .query((rs, row) -> Map.entry(rs.getString("probe"), rs.getLong("pending")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Deletes the finished jobs of these files (deleted in the frontend), so their results answer no later scan
     * from the cache; a PENDING job stays until its scan ends. Returns how many.
     */
    public int forgetFinished(List<String> sha256s) {
        return jdbc.sql("delete from brain.job where sha256 = any(:sha256s) and status <> 'PENDING'")
                .param("sha256s", sha256s.toArray(String[]::new))
                .update();
    }

    /** Ends the scan's PENDING jobs as CANCELLED; returns how many. */
    public int cancelPending(UUID scanId, Instant now) {
        return jdbc.sql("""
                        update brain.job set status = 'CANCELLED', finished_at = :now, passwords = null
                        where scan_id = :scanId and status = 'PENDING'""")
                .param("now", timestamp(now))
                .param("scanId", scanId)
                .update();
    }

    /** Stores the job's next attempt (after {@link Job#nextAttempt()}). */
    void saveAttempt(Job job) {
        jdbc.sql("update brain.job set attempt = :attempt where id = :id")
                .param("attempt", job.attempt())
                .param("id", job.id())
                .update();
    }

    /** Stores the job's status, origin and final result (after it was finished). */
    void saveFinished(Job job) {
        EngineResult result = job.engineResult();
        jdbc.sql("""
                        update brain.job set status = :status, origin = :origin, finished_at = :finishedAt,
                            category = :category, result = :result, engine_version = :engineVersion,
                            signature_version = :signatureVersion, duration_ms = :durationMs, error = :error,
                            details = cast(:details as jsonb), passwords = null
                        where id = :id""")
                .param("status", job.status().name())
                .param("origin", job.origin().name())
                .param("finishedAt", timestamp(job.finishedAt()))
                .param("category", result.category().wireName())
                .param("result", result.result())
                .param("engineVersion", result.engineVersion())
                .param("signatureVersion", result.signatureVersion())
                .param("durationMs", result.durationMs())
                .param("error", result.error())
                .param("details", ArgusJson.mapper().writeValueAsString(result.details()))
                .param("id", job.id())
                .update();
    }

    private static Job job(ResultSet rs) throws SQLException {
        OffsetDateTime deadline = rs.getObject("deadline", OffsetDateTime.class);
        return new Job(rs.getObject("id", UUID.class), rs.getObject("scan_id", UUID.class), rs.getString("sha256"),
                rs.getString("probe"), rs.getString("mime_type"), JobStatus.valueOf(rs.getString("status")),
                JobOrigin.valueOf(rs.getString("origin")), rs.getInt("attempt"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                deadline == null ? null : deadline.toInstant())
                .withPasswords(passwords(rs.getArray("passwords")))
                .withWorkClass(WorkClass.fromWire(rs.getString("work_class")));
    }

    private static List<String> passwords(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
