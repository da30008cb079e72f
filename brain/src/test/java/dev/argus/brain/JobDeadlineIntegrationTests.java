package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.WAIT;
import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.file;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static dev.argus.brain.BrainAmqpClient.resultFor;
import static dev.argus.brain.BrainAmqpClient.undetected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.brain.BrainAmqpClient.Received;
import dev.argus.common.message.Category;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** Deadlines, with a brain whose jobs are due after one second. */
@SpringBootTest(properties = {"argus.brain.job-deadline=1s", "argus.brain.sweep-interval=200ms"})
@DirtiesContext
class JobDeadlineIntegrationTests extends AbstractBrainClientTests {

    @Test
    void theSweeperReportsOverdueJobsAsOneResultsReportedOnKeyBrainAndDropsTheirLateResults() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain"), file("text/plain")), List.of(probe.name()),
                false);
        List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);

        // the sweeper publishes the timeouts (confirmed) before it commits the rows: once both rows are TIMEOUT,
        // the report is in the frontends' queue
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select status || ' ' || origin from brain.job where scan_id = ?", String.class, scanId))
                .containsExactly("TIMEOUT DEADLINE", "TIMEOUT DEADLINE"));
        List<Received> reports = client.brainReports(scanId);
        assertThat(reports).as("jobs with one deadline time out in one sweep").hasSize(1);
        assertThat(reports.getFirst().message().producer()).isEqualTo("brain");
        assertThat(reports.getFirst().message().at()).isAfterOrEqualTo(jobs.getFirst().deadline());
        List<JobResult> timeouts = reports.getFirst().of(scanId);
        assertThat(timeouts).extracting(JobResult::jobId)
                .containsExactlyInAnyOrderElementsOf(jobs.stream().map(ProbeJob::jobId).toList());
        assertThat(timeouts).allSatisfy(timeout -> {
            assertThat(timeout.result().category()).isEqualTo(Category.TIMEOUT);
            assertThat(timeout.result().error()).isEqualTo("no result before the deadline");
            assertThat(timeout.result().engineVersion()).isEqualTo(probe.engineVersion());
            assertThat(timeout.attempt()).isEqualTo(1);
            assertThat(timeout.willRetry()).isFalse();
            assertThat(timeout.cached()).isFalse();
        });

        client.sendResult(resultFor(jobs.getFirst(), false, undetected()));

        await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> client.brainReports(scanId).size() == 1);
        assertThat(jdbc.queryForObject("select status from brain.job where id = ?", String.class,
                jobs.getFirst().jobId())).isEqualTo("TIMEOUT");
    }
}
