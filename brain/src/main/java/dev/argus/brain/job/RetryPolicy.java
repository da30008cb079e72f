package dev.argus.brain.job;

/** Decides what a probe's result does to its job. Pure; thread-safe. */
final class RetryPolicy {

    /** What to do with one result. */
    enum Decision {
        /** The job is not PENDING (duplicate, late after the deadline, cancelled): drop the result. */
        DROP_NOT_PENDING,
        /** A retryable result of an earlier attempt, while a later attempt is already under way: drop it. */
        DROP_STALE,
        /** Retryable and attempts are left: send the job again with the next attempt. */
        RETRY,
        /** The job's final result: store it and report it. */
        FINISH
    }

    private final int maxAttempts;

    RetryPolicy(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    /**
     * @param status        the job's status
     * @param jobAttempt    the job's current attempt
     * @param resultAttempt the attempt the result answers
     * @param retryable     whether the probe says a retry may succeed
     */
    Decision decide(JobStatus status, int jobAttempt, int resultAttempt, boolean retryable) {
        if (status != JobStatus.PENDING) {
            return Decision.DROP_NOT_PENDING;
        }
        if (!retryable) {
            return Decision.FINISH;
        }
        if (resultAttempt < jobAttempt) {
            return Decision.DROP_STALE;
        }
        return jobAttempt < maxAttempts ? Decision.RETRY : Decision.FINISH;
    }
}
