package dev.argus.brain.job;

import static dev.argus.brain.job.RetryPolicy.Decision.DROP_NOT_PENDING;
import static dev.argus.brain.job.RetryPolicy.Decision.DROP_STALE;
import static dev.argus.brain.job.RetryPolicy.Decision.FINISH;
import static dev.argus.brain.job.RetryPolicy.Decision.FINISH_AND_REPORT;
import static dev.argus.brain.job.RetryPolicy.Decision.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy = new RetryPolicy(3);

    @Test
    void aResultMarkedWillRetryIsRetriedWhileAttemptsAreLeft() {
        assertThat(policy.decide(JobStatus.PENDING, 1, 1, true)).isEqualTo(RETRY);
        assertThat(policy.decide(JobStatus.PENDING, 2, 2, true)).isEqualTo(RETRY);
    }

    @Test
    void theProbesAnswerToTheLastAttemptIsFinal() {
        // the probe knew it was the last attempt (ProbeJob.lastAttempt) and did not mark it for retry
        assertThat(policy.decide(JobStatus.PENDING, 3, 3, false)).isEqualTo(FINISH);
    }

    @Test
    void aRetryAskedForWhenNoAttemptIsLeftIsFinishedAndReportedByTheBrain() {
        // the frontends ignored it (willRetry), so the brain must report it
        assertThat(policy.decide(JobStatus.PENDING, 3, 3, true)).isEqualTo(FINISH_AND_REPORT);
        assertThat(new RetryPolicy(2).decide(JobStatus.PENDING, 3, 3, true)).isEqualTo(FINISH_AND_REPORT);
    }

    @Test
    void aResultNotMarkedWillRetryIsFinalAtAnyAttempt() {
        assertThat(policy.decide(JobStatus.PENDING, 1, 1, false)).isEqualTo(FINISH);
        assertThat(policy.decide(JobStatus.PENDING, 2, 1, false)).isEqualTo(FINISH);
    }

    @Test
    void aResultMarkedWillRetryOfAnEarlierAttemptIsDroppedWhileTheRetryRuns() {
        assertThat(policy.decide(JobStatus.PENDING, 2, 1, true)).isEqualTo(DROP_STALE);
        assertThat(policy.decide(JobStatus.PENDING, 3, 2, true)).isEqualTo(DROP_STALE);
    }

    @Test
    void jobsThatAreNotPendingTakeNoResult() {
        for (JobStatus status : new JobStatus[] {JobStatus.DONE, JobStatus.TIMEOUT, JobStatus.CANCELLED}) {
            assertThat(policy.decide(status, 1, 1, false)).isEqualTo(DROP_NOT_PENDING);
            assertThat(policy.decide(status, 1, 1, true)).isEqualTo(DROP_NOT_PENDING);
            assertThat(policy.decide(status, 3, 3, true)).isEqualTo(DROP_NOT_PENDING);
        }
    }

    @Test
    void singleAttemptMeansNoRetry() {
        assertThat(new RetryPolicy(1).decide(JobStatus.PENDING, 1, 1, false)).isEqualTo(FINISH);
        assertThat(new RetryPolicy(1).decide(JobStatus.PENDING, 1, 1, true)).isEqualTo(FINISH_AND_REPORT);
    }

    @Test
    void rejectsLessThanOneAttempt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(0));
    }
}
