package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.WAIT;
import static dev.argus.brain.BrainAmqpClient.crashed;
import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.file;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static dev.argus.brain.BrainAmqpClient.resultFor;
import static dev.argus.brain.BrainAmqpClient.statusOf;
import static dev.argus.brain.BrainAmqpClient.undetected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.ResultReported;
import dev.argus.common.message.ScanDispatched;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The brain end to end through AMQP only, as a frontend and probes see it: this class plays both, publishing
 * to {@code argus.brain} and reading {@code argus.frontend.*} and {@code argus.probe.<name>}. Subclasses say
 * where RabbitMQ and PostgreSQL are.
 */
@SpringBootTest
abstract class AbstractBrainIntegrationTests extends AbstractBrainClientTests {

    /** How long "nothing more happens" is watched for. */
    private static final Duration QUIET = Duration.ofMillis(800);

    @Test
    void registrationMakesProbeOnlineAndPublishesDirectory() {
        ProbeDescriptor probe = descriptor(newProbeName(), "^text/");

        client.register(Instant.now(), probe);

        ProbeDirectoryUpdated directory = client.awaitDirectory(d -> d.probes().stream()
                .anyMatch(s -> s.probe().name().equals(probe.name())));
        ProbeStatus status = statusOf(directory, probe.name());
        assertThat(status.online()).isTrue();
        assertThat(status.instances()).isEqualTo(1);
        assertThat(status.probe()).isEqualTo(probe);
        assertThat(admin.getQueueInfo("argus.probe." + probe.name())).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from brain.probe_instance where probe_name = ?", Integer.class,
                probe.name())).isEqualTo(1);
    }

    @Test
    void newSignatureVersionInHeartbeatPublishesDirectoryUpdate() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        ProbeDescriptor updated = new ProbeDescriptor(probe.name(), probe.displayName(), probe.category(),
                probe.version(), probe.engineVersion(), "27801", probe.mimeTypes(), probe.timeoutMs());

        client.register(Instant.now(), updated);

        client.awaitDirectory(d -> d.probes().stream().anyMatch(s -> s.probe().equals(updated)));
    }

    @Test
    void fansOutOneProbeJobPerFileAndProbe() {
        ProbeDescriptor alpha = descriptor(newProbeName(), null);
        ProbeDescriptor beta = descriptor(newProbeName(), null);
        client.registerOnline(alpha, beta);
        List<ScanFile> files = List.of(file("text/plain"), file("application/pdf"));

        UUID scanId = client.requestScan(files, List.of(alpha.name(), beta.name()), false);

        ScanDispatched dispatched = client.awaitDispatched(scanId);
        assertThat(dispatched.jobsSent()).isEqualTo(4);
        assertThat(dispatched.resolvedNow()).isZero();
        for (ProbeDescriptor probe : List.of(alpha, beta)) {
            List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);
            assertThat(jobs).extracting(ProbeJob::sha256)
                    .containsExactlyInAnyOrderElementsOf(files.stream().map(ScanFile::sha256).toList());
            assertThat(jobs).allSatisfy(job -> {
                assertThat(job.scanId()).isEqualTo(scanId);
                assertThat(job.probe()).isEqualTo(probe.name());
                assertThat(job.attempt()).isEqualTo(1);
                assertThat(job.deadline()).isBetween(Instant.now().plus(Duration.ofMinutes(9)),
                        Instant.now().plus(Duration.ofMinutes(11)));
            });
        }
        assertThat(jdbc.queryForList("select status from brain.job where scan_id = ?", String.class, scanId))
                .containsExactly("PENDING", "PENDING", "PENDING", "PENDING");
        assertThat(client.results(scanId)).isEmpty();
    }

    @Test
    void repeatedScanRequestedIsDispatchedOnce() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        ScanRequested request = new ScanRequested(UUID.randomUUID(), List.of(file("text/plain")),
                List.of(probe.name()), false, Instant.now());

        client.requestScan(request);
        client.awaitJob(probe.name());
        client.requestScan(request);

        await().during(QUIET).atMost(WAIT).until(() -> client.dispatched(request.scanId()).size() == 1
                && client.queuedJobs(probe.name()) == 0);
    }

    @Test
    void mimeFilteredPairGetsTypeUnsupportedWithoutJob() {
        ProbeDescriptor pdfOnly = descriptor(newProbeName(), "^application/pdf$");
        client.registerOnline(pdfOnly);
        ScanFile text = file("text/plain");
        ScanFile pdf = file("application/pdf");

        UUID scanId = client.requestScan(List.of(text, pdf), List.of(pdfOnly.name()), false);

        ScanDispatched dispatched = client.awaitDispatched(scanId);
        assertThat(dispatched.jobsSent()).isEqualTo(1);
        assertThat(dispatched.resolvedNow()).isEqualTo(1);
        ResultReported result = client.awaitResults(scanId, 1).getFirst();
        assertThat(result.sha256()).isEqualTo(text.sha256());
        assertThat(result.result().category()).isEqualTo(Category.TYPE_UNSUPPORTED);
        assertThat(result.jobId()).isNull();
        assertThat(result.cached()).isFalse();
        assertThat(client.awaitJob(pdfOnly.name()).sha256()).isEqualTo(pdf.sha256());
        assertThat(jdbc.queryForList("select origin || ' ' || status from brain.job where scan_id = ? order by origin",
                String.class, scanId)).containsExactly("ENGINE PENDING", "FILTER DONE");
    }

    @Test
    void offlineOrUnknownProbeGetsProbeOfflineFailure() {
        ProbeDescriptor silent = descriptor(newProbeName(), null);
        client.register(Instant.now().minus(Duration.ofMinutes(1)), silent);
        client.awaitDirectory(d -> d.probes().stream().anyMatch(s -> s.probe().name().equals(silent.name())
                && !s.online()));
        String unknown = newProbeName();

        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(silent.name(), unknown), false);

        ScanDispatched dispatched = client.awaitDispatched(scanId);
        assertThat(dispatched.jobsSent()).isZero();
        assertThat(dispatched.resolvedNow()).isEqualTo(2);
        List<ResultReported> results = client.awaitResults(scanId, 2);
        assertThat(results).extracting(ResultReported::probe).containsExactlyInAnyOrder(silent.name(), unknown);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.result().category()).isEqualTo(Category.FAILURE);
            assertThat(r.result().error()).isEqualTo("probe offline");
            assertThat(r.jobId()).isNull();
        });
        assertThat(client.queuedJobs(silent.name())).isZero();
    }

    @Test
    void secondScanReusesCachedResultUnlessForced() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        ScanFile sample = file("application/x-dosexec");
        UUID first = client.requestScan(List.of(sample), List.of(probe.name()), false);
        client.sendResult(resultFor(client.awaitJob(probe.name()), false, undetected()));
        ResultReported engineResult = client.awaitResults(first, 1).getFirst();

        UUID second = client.requestScan(List.of(sample), List.of(probe.name()), false);

        ResultReported cached = client.awaitResults(second, 1).getFirst();
        assertThat(cached.cached()).isTrue();
        assertThat(cached.jobId()).isNull();
        assertThat(cached.result()).isEqualTo(engineResult.result());
        assertThat(client.awaitDispatched(second).jobsSent()).isZero();
        assertThat(client.queuedJobs(probe.name())).isZero();

        UUID forced = client.requestScan(List.of(sample), List.of(probe.name()), true);

        assertThat(client.awaitDispatched(forced).jobsSent()).isEqualTo(1);
        assertThat(client.awaitJob(probe.name()).scanId()).isEqualTo(forced);
        assertThat(client.results(forced)).isEmpty();
    }

    @Test
    void resultIsForwardedOnceAndDuplicateDeliveryChangesNothing() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);
        ProbeJob job = client.awaitJob(probe.name());
        var result = resultFor(job, false, undetected());

        client.sendResult(result);

        ResultReported reported = client.awaitResults(scanId, 1).getFirst();
        assertThat(reported.jobId()).isEqualTo(job.jobId());
        assertThat(reported.cached()).isFalse();
        assertThat(reported.result()).isEqualTo(result.result());
        // the report is confirmed before the brain commits the job row: wait for the commit
        await().atMost(WAIT).until(() -> "DONE".equals(jobRow(job.jobId()).get("status")));
        Map<String, Object> row = jobRow(job.jobId());
        assertThat(row).containsEntry("status", "DONE").containsEntry("origin", "ENGINE")
                .containsEntry("category", "undetected");

        client.sendResult(result);

        await().during(QUIET).atMost(WAIT).until(() -> client.results(scanId).size() == 1);
        assertThat(jobRow(job.jobId())).isEqualTo(row);
    }

    @Test
    void retryableFailureIsRetriedThenReportedAfterMaxAttempts() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);
        ProbeJob first = client.awaitJob(probe.name());

        client.sendResult(resultFor(first, true, crashed("engine crashed")));

        ProbeJob second = client.awaitJob(probe.name());
        assertThat(second.jobId()).isEqualTo(first.jobId());
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.deadline()).isEqualTo(first.deadline());
        assertThat(client.results(scanId)).isEmpty();

        client.sendResult(resultFor(second, true, crashed("engine crashed")));
        ProbeJob third = client.awaitJob(probe.name());
        assertThat(third.attempt()).isEqualTo(3);
        client.sendResult(resultFor(third, true, crashed("engine crashed again")));

        ResultReported reported = client.awaitResults(scanId, 1).getFirst();
        assertThat(reported.result().category()).isEqualTo(Category.FAILURE);
        assertThat(reported.result().error()).isEqualTo("engine crashed again");
        await().during(QUIET).atMost(WAIT).until(() -> client.results(scanId).size() == 1
                && client.queuedJobs(probe.name()) == 0);
        assertThat(jobRow(first.jobId())).containsEntry("status", "DONE").containsEntry("attempt", 3);
    }

    @Test
    void cancelEndsPendingJobsAndDropsTheirLaterResults() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain"), file("text/plain")), List.of(probe.name()), false);
        List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);
        client.sendResult(resultFor(jobs.get(0), false, undetected()));
        client.awaitResults(scanId, 1);

        client.cancel(scanId);

        await().atMost(WAIT).until(() -> "CANCELLED".equals(jobRow(jobs.get(1).jobId()).get("status")));
        assertThat(jobRow(jobs.get(0).jobId())).containsEntry("status", "DONE");
        client.sendResult(resultFor(jobs.get(1), false, undetected()));
        await().during(QUIET).atMost(WAIT).until(() -> client.results(scanId).size() == 1);
        assertThat(jobRow(jobs.get(1).jobId())).containsEntry("status", "CANCELLED").containsEntry("category", null);
    }

    @Test
    void cancelBeforeRequestLeavesCancelledScanAndRequestIsIgnored() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = UUID.randomUUID();

        client.cancel(scanId);
        await().atMost(WAIT).until(() -> scanRow(scanId) != null);
        client.requestScan(new ScanRequested(scanId, List.of(file("text/plain")), List.of(probe.name()), false,
                Instant.now()));

        await().during(QUIET).atMost(WAIT).until(() -> client.dispatched(scanId).isEmpty()
                && client.queuedJobs(probe.name()) == 0);
        assertThat(scanRow(scanId)).containsEntry("cancelled", true).containsEntry("requested", false);
        assertThat(jdbc.queryForObject("select count(*) from brain.job where scan_id = ?", Integer.class, scanId))
                .isZero();
    }

    private Map<String, Object> jobRow(UUID jobId) {
        return jdbc.queryForMap("select * from brain.job where id = ?", jobId);
    }

    private Map<String, Object> scanRow(UUID scanId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from brain.scan where id = ?", scanId);
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
