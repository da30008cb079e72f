package dev.argus.brain.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.CancelScan;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import dev.argus.messaging.Delivery;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which messages on argus.brain.results are parked at once, unread by the handler. */
class ResultConsumerTests {

    private static final EngineResult UNDETECTED = new EngineResult(Category.UNDETECTED, null, "1", "2", 1, null,
            Map.of());

    @Test
    void aProbesResultsWithJobIdsAndCategoriesAreHandled() {
        assertThat(ResultConsumer.problemWith(reported(result(UUID.randomUUID(), UNDETECTED),
                result(UUID.randomUUID(), UNDETECTED)))).isNull();
    }

    @Test
    void anythingElseIsAProblem() {
        assertThat(ResultConsumer.problemWith(new CancelScan(UUID.randomUUID(), Instant.now())))
                .isEqualTo("a CancelScan does not belong on argus.brain.results");
        assertThat(ResultConsumer.problemWith(reported())).isEqualTo("a ResultsReported without results");
        assertThat(ResultConsumer.problemWith(reported(result(null, UNDETECTED))))
                .isEqualTo("a probe's result without job id or category");
        assertThat(ResultConsumer.problemWith(reported(result(UUID.randomUUID(), UNDETECTED),
                result(UUID.randomUUID(), new EngineResult(null, null, null, null, 0, null, Map.of())))))
                .isEqualTo("a probe's result without job id or category");
        assertThat(ResultConsumer.problemWith(reported(result(UUID.randomUUID(), null))))
                .isEqualTo("a probe's result without job id or category");
    }

    @Test
    void resultsOfTheProbeTheRoutingKeyNamesAreHandled() {
        assertThat(ResultConsumer.deliveryProblem(new Delivery(reported(result(UUID.randomUUID(), UNDETECTED)),
                "probe.clamav", "argus-probe-clamav"))).isNull();
    }

    @Test
    void resultsOfAnotherProbeThanTheRoutingKeyNamesAreParked() {
        ResultsReported forged = reported(result(UUID.randomUUID(), UNDETECTED));

        assertThat(ResultConsumer.deliveryProblem(new Delivery(forged, "probe.metadata", "argus-probe-metadata")))
                .isEqualTo("a result of probe clamav published by probe metadata (routing key probe.metadata)");
        assertThat(ResultConsumer.deliveryProblem(new Delivery(reported(), "probe.clamav", null)))
                .isEqualTo("a ResultsReported without results");
    }

    private static ResultsReported reported(JobResult... results) {
        return new ResultsReported("probe-1", Arrays.asList(results), Instant.now());
    }

    private static JobResult result(UUID jobId, EngineResult result) {
        return new JobResult(jobId, UUID.randomUUID(), "a".repeat(64), "clamav", 1, false, false, false, result);
    }
}
