package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.WAIT;
import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.file;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static dev.argus.brain.BrainAmqpClient.resultFor;
import static dev.argus.brain.BrainAmqpClient.undetected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ResultReported;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Deadlines, with a brain whose jobs are due after one second. */
@SpringBootTest(properties = {"argus.brain.job-deadline=1s", "argus.brain.sweep-interval=200ms"})
class JobDeadlineIntegrationTests extends AbstractBrainClientTests {

    @Test
    void overdueJobBecomesTimeoutResultAndItsLateResultIsDropped() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);
        ProbeJob job = client.awaitJob(probe.name());

        ResultReported timeout = client.awaitResults(scanId, 1).getFirst();

        assertThat(timeout.jobId()).isEqualTo(job.jobId());
        assertThat(timeout.result().category()).isEqualTo(Category.TIMEOUT);
        assertThat(timeout.result().error()).isEqualTo("no result before the deadline");
        assertThat(timeout.at()).isAfterOrEqualTo(job.deadline());
        // the sweeper publishes the timeout (confirmed) before it commits the row: the report can come first
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                jdbc.queryForMap("select status, origin from brain.job where id = ?", job.jobId()))
                .containsEntry("status", "TIMEOUT").containsEntry("origin", "DEADLINE"));

        client.sendResult(resultFor(job, false, undetected()));

        await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> client.results(scanId).size() == 1);
        assertThat(jdbc.queryForObject("select status from brain.job where id = ?", String.class, job.jobId()))
                .isEqualTo("TIMEOUT");
    }
}
