package dev.argus.brain.job;

/** Decides what a probe's result does to its job. Pure; thread-safe. */
final class RetryPolicy {

    /** What to do with one result. */
    enum Decision {
        /** The job is not PENDING (duplicate, late after the deadline, cancelled): drop the result. */
        DROP_NOT_PENDING,
        /** A result the probe marked for retry, of an earlier attempt, while a later one is under way: drop it. */
        DROP_STALE,
        /** The probe marked the result for retry: send the job again with the next attempt. */
        RETRY,
        /** The pair's answer, which the frontends have as well: store it. */
        FINISH,
        /**
         * Marked for retry, but this brain allows no more attempts (its {@code max-attempts} was lowered while the job
         * was out): store it and report it to the frontends, which ignored it.
         */
        FINISH_AND_REPORT
    }

    private final int maxAttempts;

    RetryPolicy(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /**
     * @param status        the job's status
     * @param jobAttempt    the job's current attempt
     * @param resultAttempt the attempt the result answers
     * @param willRetry     whether the probe marked the result for a retry ({@code ProbeJob.lastAttempt} was false
     *                      and the engine failed retryably)
     */
    Decision decide(JobStatus status, int jobAttempt, int resultAttempt, boolean willRetry) {
        if (status != JobStatus.PENDING) {
            return Decision.DROP_NOT_PENDING;
        }
        if (!willRetry) {
            return Decision.FINISH;
        }
        if (resultAttempt < jobAttempt) {
            return Decision.DROP_STALE;
        }
        return jobAttempt < maxAttempts ? Decision.RETRY : Decision.FINISH_AND_REPORT;
    }
}
