package dev.argus.brain.job;

import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ResultReported;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * One (scan, file, probe) pair: a job sent to a probe, or a result the brain made at once (mime filter,
 * offline probe, cache hit), kept so that every reported result can be traced. The result columns hold the
 * final result once the row is no longer {@link JobStatus#PENDING}.
 */
@Entity
@Table(name = "job")
public class JobEntity implements Persistable<UUID> {

    @Id
    private UUID id;
    @Column(name = "scan_id", nullable = false)
    private UUID scanId;
    @Column(nullable = false)
    private String sha256;
    @Column(nullable = false)
    private String probe;
    @Column(name = "mime_type")
    private String mimeType;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobOrigin origin;
    @Column(nullable = false)
    private int attempt;
    private Instant deadline;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Convert(converter = CategoryConverter.class)
    private Category category;
    private String result;
    @Column(name = "engine_version")
    private String engineVersion;
    @Column(name = "signature_version")
    private String signatureVersion;
    @Column(name = "duration_ms")
    private Long durationMs;
    private String error;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> details;

    @Transient
    private boolean isNew;

    protected JobEntity() {
    }

    private JobEntity(UUID scanId, String sha256, String probe, String mimeType, Instant now) {
        this.id = JobIds.of(scanId, sha256, probe);
        this.scanId = scanId;
        this.sha256 = sha256;
        this.probe = probe;
        this.mimeType = mimeType;
        this.createdAt = now;
        this.isNew = true;
    }

    /** A job about to be sent to a probe: PENDING, attempt 1, origin ENGINE. */
    public static JobEntity pending(UUID scanId, String sha256, String probe, String mimeType, Instant now,
                                    Instant deadline) {
        JobEntity job = new JobEntity(scanId, sha256, probe, mimeType, now);
        job.status = JobStatus.PENDING;
        job.origin = JobOrigin.ENGINE;
        job.attempt = 1;
        job.deadline = deadline;
        return job;
    }

    /** A pair the brain answered without a job (attempt 0, no deadline): DONE at once with this result. */
    public static JobEntity immediate(UUID scanId, String sha256, String probe, String mimeType, JobOrigin origin,
                                      EngineResult result, Instant now) {
        JobEntity job = new JobEntity(scanId, sha256, probe, mimeType, now);
        job.origin = origin;
        job.attempt = 0;
        job.finish(JobStatus.DONE, result, now);
        return job;
    }

    /** A job as {@link JobRows#lock} read it: its identity and state, without the result columns. */
    static JobEntity locked(UUID id, UUID scanId, String sha256, String probe, String mimeType, JobStatus status,
                            JobOrigin origin, int attempt, Instant deadline) {
        JobEntity job = new JobEntity();
        job.id = id;
        job.scanId = scanId;
        job.sha256 = sha256;
        job.probe = probe;
        job.mimeType = mimeType;
        job.status = status;
        job.origin = origin;
        job.attempt = attempt;
        job.deadline = deadline;
        return job;
    }

    /** The engine's final answer (possibly a failure after the last attempt). */
    void finishFromEngine(EngineResult engineResult, Instant now) {
        finish(JobStatus.DONE, engineResult, now);
    }

    /** The deadline passed: status TIMEOUT, origin DEADLINE, with the brain-made timeout result. */
    void timeOut(EngineResult timeoutResult, Instant now) {
        origin = JobOrigin.DEADLINE;
        finish(JobStatus.TIMEOUT, timeoutResult, now);
    }

    /** Counts the next attempt; the caller re-sends {@link #toProbeJob()}. The deadline stays. */
    void nextAttempt() {
        attempt++;
    }

    private void finish(JobStatus newStatus, EngineResult r, Instant now) {
        status = newStatus;
        finishedAt = now;
        category = r.category();
        result = r.result();
        engineVersion = r.engineVersion();
        signatureVersion = r.signatureVersion();
        durationMs = r.durationMs();
        error = r.error();
        details = new HashMap<>(r.details());
    }

    /** The message that sends this job (at its current attempt) to its probe. */
    public ProbeJob toProbeJob() {
        return new ProbeJob(id, scanId, sha256, probe, mimeType, attempt, deadline);
    }

    /** The stored result; only meaningful once the job is finished. */
    public EngineResult engineResult() {
        return new EngineResult(category, result, engineVersion, signatureVersion,
                durationMs == null ? 0 : durationMs, error, details);
    }

    /**
     * The report of this finished job for the frontends; the job id is only given where a job was actually
     * sent to a probe.
     */
    public ResultReported toReport(Instant now) {
        boolean sent = origin == JobOrigin.ENGINE || origin == JobOrigin.DEADLINE;
        return new ResultReported(scanId, sent ? id : null, sha256, probe, origin == JobOrigin.CACHE,
                engineResult(), now);
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }

    public UUID scanId() {
        return scanId;
    }

    public String sha256() {
        return sha256;
    }

    public String probe() {
        return probe;
    }

    public JobStatus status() {
        return status;
    }

    public JobOrigin origin() {
        return origin;
    }

    public int attempt() {
        return attempt;
    }

    public String mimeType() {
        return mimeType;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    @Override
    public String toString() {
        return "job " + id + " (scan " + scanId + " file " + JobIds.shortSha(sha256) + " probe " + probe
                + " attempt " + attempt + " " + status + ")";
    }
}
