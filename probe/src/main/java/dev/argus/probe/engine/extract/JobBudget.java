package dev.argus.probe.engine.extract;

/**
 * The limits of one job, the whole tree of its file: bytes extracted, files listed, time. Once one of them is crossed
 * the budget stays exhausted, so every container still open stops with the same detail. Not thread-safe (one job).
 */
final class JobBudget {

    private final ExtractProperties limits;
    private final long deadlineNanos;
    private final long timeLimitSeconds;
    private long bytes;
    private int files;
    private String exhausted;

    JobBudget(ExtractProperties limits) {
        this.limits = limits;
        long nanos = limits.scanTimeout().toNanos() / 10 * 9;
        this.timeLimitSeconds = Math.max(1, nanos / 1_000_000_000L);
        this.deadlineNanos = System.nanoTime() + nanos;
    }

    /** Counts bytes just extracted. */
    void bytes(long count) throws LimitExceededException {
        bytes += count;
        if (bytes > limits.maxTotalBytes().toBytes()) {
            exhaust("member bytes per root file over " + Sizes.format(limits.maxTotalBytes().toBytes()));
        }
    }

    /** Counts a file about to be listed. */
    void file() throws LimitExceededException {
        if (files + 1 > limits.maxFiles()) {
            exhaust("files per root file over " + limits.maxFiles());
        }
        files++;
    }

    /** Throws when the job's time is up, the budget was exhausted, or the thread was interrupted. */
    void check() throws LimitExceededException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("extraction interrupted");
        }
        if (exhausted != null) {
            throw new LimitExceededException(exhausted, true);
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            exhaust("time per root file over " + timeLimitSeconds + " s (90% of scan-timeout)");
        }
    }

    /** The earlier of the job's deadline and {@code otherNanos}, as a {@link System#nanoTime()} value. */
    long deadlineNanos(long otherNanos) {
        return otherNanos - deadlineNanos < 0 ? otherNanos : deadlineNanos;
    }

    private void exhaust(String limit) throws LimitExceededException {
        exhausted = limit;
        throw new LimitExceededException(limit, true);
    }

    /** Bytes extracted so far, duplicates included. */
    long bytes() {
        return bytes;
    }
}
