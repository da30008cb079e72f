package dev.argus.brain.job;

import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.WorkClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One (scan, file, probe) pair of the {@code brain.job} table: a job sent to a probe, or a result the brain made at
 * once (mime filter, offline probe, stored result), kept so that every result can be traced. The result columns hold
 * the final result once the row is no longer {@link JobStatus#PENDING}. Read and written only by {@link JobRows}.
 * Not thread-safe; lives within one transaction.
 */
public final class Job {

    private final UUID id;
    private final UUID scanId;
    private final String sha256;
    private final String probe;
    private final String mimeType;
    private final Instant createdAt;
    private final Instant deadline;
    private JobStatus status;
    private JobOrigin origin;
    private int attempt;
    private Instant finishedAt;
    private EngineResult result;
    private List<String> passwords = List.of();
    private WorkClass workClass = WorkClass.INTERACTIVE;

    Job(UUID id, UUID scanId, String sha256, String probe, String mimeType, JobStatus status, JobOrigin origin,
        int attempt, Instant createdAt, Instant deadline) {
        this.id = id;
        this.scanId = scanId;
        this.sha256 = sha256;
        this.probe = probe;
        this.mimeType = mimeType;
        this.status = status;
        this.origin = origin;
        this.attempt = attempt;
        this.createdAt = createdAt;
        this.deadline = deadline;
    }

    /** A job about to be sent to a probe: PENDING, attempt 1, origin ENGINE; its id made by {@code ids}. */
    public static Job pending(JobIds ids, UUID scanId, String sha256, String probe, String mimeType, Instant now,
                              Instant deadline) {
        return new Job(ids.of(scanId, sha256, probe), scanId, sha256, probe, mimeType, JobStatus.PENDING,
                JobOrigin.ENGINE, 1, now, deadline);
    }

    /** A pair the brain answered without a job (attempt 0, no deadline): DONE at once with this result. */
    public static Job immediate(JobIds ids, UUID scanId, String sha256, String probe, String mimeType,
                                JobOrigin origin, EngineResult result, Instant now) {
        Job job = new Job(ids.of(scanId, sha256, probe), scanId, sha256, probe, mimeType, JobStatus.DONE, origin,
                0, now, null);
        job.finish(JobStatus.DONE, result, now);
        return job;
    }

    /**
     * Gives a PENDING job of an extraction probe the scan's passwords, sent with every attempt and forgotten when the
     * job ends; returns this job.
     */
    public Job withPasswords(List<String> scanPasswords) {
        passwords = scanPasswords == null ? List.of() : List.copyOf(scanPasswords);
        return this;
    }

    /** Sets the work class of the job's scan (interactive by default); returns this job. */
    public Job withWorkClass(WorkClass scanWorkClass) {
        workClass = WorkClass.orInteractive(scanWorkClass);
        return this;
    }

    /** The work class of the job's scan: the priority of each attempt. */
    public WorkClass workClass() {
        return workClass;
    }

    /** The passwords this job sends its probe (empty for all but a pending extraction job). */
    public List<String> passwords() {
        return passwords;
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

    /** Counts the next attempt; the caller re-sends {@link #toProbeJob(int)}. The deadline stays. */
    void nextAttempt() {
        attempt++;
    }

    private void finish(JobStatus newStatus, EngineResult engineResult, Instant now) {
        status = newStatus;
        finishedAt = now;
        passwords = List.of();
        result = engineResult.sanitized();
    }

    /** The job as sent to its probe at its current attempt. */
    public ProbeJob toProbeJob(int maxAttempts) {
        return new ProbeJob(id, scanId, sha256, probe, mimeType, attempt, attempt >= maxAttempts, deadline,
                passwords);
    }

    /**
     * The final answer of this pair as the brain reports it (results it made itself: filter, offline, stored result,
     * deadline); the job id only where a job was actually sent to a probe.
     */
    public JobResult toResult() {
        boolean sent = origin == JobOrigin.ENGINE || origin == JobOrigin.DEADLINE;
        return new JobResult(sent ? id : null, scanId, sha256, probe, attempt, false, false,
                origin == JobOrigin.CACHE, engineResult());
    }

    /** The stored result; only meaningful once the job is finished. */
    public EngineResult engineResult() {
        return result != null ? result : new EngineResult(null, null, null, null, 0, null, Map.of());
    }

    public UUID id() {
        return id;
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

    public String mimeType() {
        return mimeType;
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
