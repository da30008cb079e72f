package dev.argus.brain.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeJob;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a job row sends to its probe and reports to the frontends. */
class JobTests {

    private static final JobIds IDS = new JobIds("a test key of 32 bytes, not more".getBytes());
    private static final UUID SCAN = UUID.randomUUID();
    private static final String SHA = "a".repeat(64);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant DEADLINE = NOW.plusSeconds(600);

    @Test
    void aPendingJobIsSentAsAttemptOneAndItsLastAttemptSaysSo() {
        Job job = Job.pending(IDS, SCAN, SHA, "clamav", "text/plain", NOW, DEADLINE);

        assertThat(job.toProbeJob(3)).isEqualTo(new ProbeJob(IDS.of(SCAN, SHA, "clamav"), SCAN, SHA, "clamav",
                "text/plain", 1, false, DEADLINE));
        job.nextAttempt();
        assertThat(job.toProbeJob(3).lastAttempt()).isFalse();
        job.nextAttempt();
        assertThat(job.toProbeJob(3)).extracting(ProbeJob::attempt, ProbeJob::lastAttempt, ProbeJob::deadline)
                .containsExactly(3, true, DEADLINE);
        assertThat(Job.pending(IDS, SCAN, SHA, "clamav", null, NOW, DEADLINE).toProbeJob(1).lastAttempt()).isTrue();
    }

    @Test
    void aPairAnsweredAtOnceIsReportedWithoutJobIdAndACachedOneSaysSo() {
        EngineResult stored = new EngineResult(Category.UNDETECTED, null, "1", "2", 5, null, Map.of());

        JobResult cached = Job.immediate(IDS, SCAN, SHA, "clamav", "text/plain", JobOrigin.CACHE, stored, NOW).toResult();
        JobResult filtered = Job.immediate(IDS, SCAN, SHA, "yara", "text/plain", JobOrigin.FILTER,
                EngineResult.withoutEngine(Category.TYPE_UNSUPPORTED, null, null), NOW).toResult();

        assertThat(cached).isEqualTo(new JobResult(null, SCAN, SHA, "clamav", 0, false, false, true, stored));
        assertThat(filtered.jobId()).isNull();
        assertThat(filtered.cached()).isFalse();
        assertThat(filtered.willRetry()).isFalse();
    }

    @Test
    void aTimedOutJobIsReportedWithItsJobIdAndAttempt() {
        Job job = Job.pending(IDS, SCAN, SHA, "clamav", "text/plain", NOW, DEADLINE);
        job.nextAttempt();

        job.timeOut(EngineResult.withoutEngine(Category.TIMEOUT, "no result before the deadline", null), DEADLINE);

        assertThat(job.status()).isEqualTo(JobStatus.TIMEOUT);
        assertThat(job.origin()).isEqualTo(JobOrigin.DEADLINE);
        assertThat(job.toResult()).extracting(JobResult::jobId, JobResult::attempt, r -> r.result().category())
                .containsExactly(job.id(), 2, Category.TIMEOUT);
    }

    @Test
    void anEnginesAnswerIsStoredSanitized() {
        Job job = Job.pending(IDS, SCAN, SHA, "clamav", "text/plain", NOW, DEADLINE);

        job.finishFromEngine(new EngineResult(Category.MALICIOUS, "Evil\u0000Name\nline", "1", null, -4, null,
                Map.of("k\u0000", "v\u0000")), NOW);

        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        assertThat(job.engineResult().result()).isEqualTo("EvilName line");
        assertThat(job.engineResult().durationMs()).isZero();
        assertThat(job.engineResult().details()).containsExactly(Map.entry("k", "v"));
        assertThat(job.toResult().jobId()).isEqualTo(job.id());
    }
}
