package dev.argus.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultSendersTests {

    @Test
    void aProbeMayReportItsOwnResults() {
        assertThat(ResultSenders.problem(reported("clamav", "clamav"), "probe.clamav")).isNull();
    }

    @Test
    void aProbeMayNotReportAnotherProbesResultEvenAmongItsOwn() {
        assertThat(ResultSenders.problem(reported("metadata", "clamav"), "probe.metadata"))
                .isEqualTo("a result of probe clamav published by probe metadata (routing key probe.metadata)");
    }

    @Test
    void theBrainMayReportForAnyProbe() {
        assertThat(ResultSenders.problem(reported("clamav", "yara"), "brain")).isNull();
    }

    @Test
    void anyOtherRoutingKeyIsRefused() {
        assertThat(ResultSenders.problem(reported("clamav"), "clamav")).contains("neither probe.<name> nor brain");
        assertThat(ResultSenders.problem(reported("clamav"), null)).contains("neither probe.<name> nor brain");
    }

    private static ResultsReported reported(String... probes) {
        List<JobResult> results = List.of(probes).stream().map(probe -> new JobResult(UUID.randomUUID(),
                UUID.randomUUID(), "a".repeat(64), probe, 1, false, false, false,
                EngineResult.withoutEngine(Category.UNDETECTED, null, null))).toList();
        return new ResultsReported("instance", results, Instant.now());
    }
}
