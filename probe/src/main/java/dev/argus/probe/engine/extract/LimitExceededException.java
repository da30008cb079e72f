package dev.argus.probe.engine.extract;

/**
 * A limit stopped the extraction. The message names the limit (e.g. {@code bytes per member over 256 MiB}) and
 * becomes the container's detail. A limit of the whole job (bytes or files per root file, its time) stops every
 * container that is open; any other stops the container it was crossed in.
 */
final class LimitExceededException extends Exception {

    private final boolean wholeJob;

    LimitExceededException(String limit, boolean wholeJob) {
        super(limit, null, false, false);
        this.wholeJob = wholeJob;
    }

    /** True when the limit is the job's, so the containers around this one stop too. */
    boolean wholeJob() {
        return wholeJob;
    }
}
