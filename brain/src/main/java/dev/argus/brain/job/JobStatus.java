package dev.argus.brain.job;

/** Where a job is in its life; only {@link #PENDING} takes a result. */
public enum JobStatus {
    /** Sent to a probe, no final result yet. */
    PENDING,
    /** Has its final result (from an engine, or made at once by the brain). */
    DONE,
    /** The deadline passed before a final result; a {@code timeout} result was reported. */
    TIMEOUT,
    /** The scan was cancelled while the job was pending; nothing is reported for it. */
    CANCELLED
}
