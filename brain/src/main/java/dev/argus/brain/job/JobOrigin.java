package dev.argus.brain.job;

/** Who made (or is to make) a job's result. Only {@link #ENGINE} results feed the result cache. */
public enum JobOrigin {
    /** A probe's engine; the origin of every job sent to a probe. */
    ENGINE,
    /** Copied from an earlier ENGINE result of the same file, probe, engine and signature versions. */
    CACHE,
    /** The probe does not take the file's mime type: {@code type-unsupported}. */
    FILTER,
    /** The probe was unknown or offline: {@code failure} "probe offline". */
    OFFLINE,
    /** The deadline sweeper: {@code timeout}. */
    DEADLINE,
    /**
     * The extraction probe's answer for a file found inside a container, taken from the report of the job that opened
     * the container (the file was extracted there; it is not sent to the extraction probe again).
     */
    EXTRACTED
}
