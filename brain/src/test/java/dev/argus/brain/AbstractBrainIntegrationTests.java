package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.WAIT;
import static dev.argus.brain.BrainAmqpClient.crashed;
import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.file;
import static dev.argus.brain.BrainAmqpClient.files;
import static dev.argus.brain.BrainAmqpClient.malicious;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static dev.argus.brain.BrainAmqpClient.newSha256;
import static dev.argus.brain.BrainAmqpClient.resultFor;
import static dev.argus.brain.BrainAmqpClient.statusOf;
import static dev.argus.brain.BrainAmqpClient.undetected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.argus.brain.BrainAmqpClient.Received;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.Extraction;
import dev.argus.common.message.ExtractionReport;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanRequested;
import dev.argus.common.message.WorkClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The brain end to end through AMQP only, as a frontend and probes see it: this class plays both, publishing
 * to {@code argus.brain} and {@code argus.results} and reading {@code argus.frontend.*} and
 * {@code argus.probe.<name>}. Subclasses say where RabbitMQ and PostgreSQL are.
 * <p>
 * What the brain publishes inside a transaction is confirmed by the broker before the transaction commits, so once
 * a row shows the effect of a message, everything the brain published for it is already in its queue: the tests
 * wait for the row, then look at the queues. The context is closed after the class, so no other test class's brain
 * consumes the same queues.
 */
@SpringBootTest
@DirtiesContext
abstract class AbstractBrainIntegrationTests extends AbstractBrainClientTests {

    /** How long "nothing more happens" is watched for where there is nothing to wait for instead. */
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
        String instance = "it-" + UUID.randomUUID();
        client.register(instance, false, Instant.now(), probe);
        client.awaitDirectory(d -> d.probes().stream().anyMatch(s -> s.probe().equals(probe) && s.online()));
        ProbeDescriptor updated = new ProbeDescriptor(probe.name(), probe.displayName(), probe.category(),
                probe.version(), probe.engineVersion(), "27801", probe.mimeTypes(), probe.timeoutMs());

        client.register(instance, true, Instant.now(), updated);

        ProbeDirectoryUpdated directory = client.awaitDirectory(d -> d.probes().stream()
                .anyMatch(s -> s.probe().equals(updated)));
        assertThat(statusOf(directory, probe.name()).instances()).as("a heartbeat is no new instance").isEqualTo(1);
    }

    @Test
    void aRegistrationFromAnotherCredentialThanTheProbesFirstChangesNothing() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        String instance = "it-" + UUID.randomUUID();
        client.register(instance, false, Instant.now(), probe);
        client.awaitDirectory(d -> d.probes().stream().anyMatch(s -> s.probe().equals(probe) && s.online()));
        ProbeDescriptor hijacked = new ProbeDescriptor(probe.name(), probe.displayName(), probe.category(),
                probe.version(), probe.engineVersion(), "forged", "^nothing/at-all$", probe.timeoutMs());

        // without user_id: not the credential (guest) that registered the probe
        rabbit.convertAndSend(Topology.REGISTRY_EXCHANGE, Topology.PROBES_KEY,
                new ProbeRegistered("it-" + UUID.randomUUID(), List.of(hijacked), false, Instant.now()));
        // then the probe's own heartbeat; the brain handles registrations in order, one at a time
        ProbeDescriptor updated = new ProbeDescriptor(probe.name(), probe.displayName(), probe.category(),
                probe.version(), probe.engineVersion(), "27801", probe.mimeTypes(), probe.timeoutMs());
        client.register(instance, true, Instant.now(), updated);

        ProbeDirectoryUpdated directory = client.awaitDirectory(d -> d.probes().stream()
                .anyMatch(s -> s.probe().equals(updated)));
        assertThat(directory.probes()).noneMatch(s -> s.probe().equals(hijacked));
        assertThat(jdbc.queryForObject("select mime_types from brain.probe where name = ?", String.class,
                probe.name())).isNull();
        assertThat(jdbc.queryForObject("select registered_by from brain.probe where name = ?", String.class,
                probe.name())).isEqualTo(rabbit.getConnectionFactory().getUsername());
    }

    @Test
    void aMultiFileScanBecomesOneScanFilesPerProbe() {
        ProbeDescriptor alpha = descriptor(newProbeName(), null);
        ProbeDescriptor beta = descriptor(newProbeName(), null);
        client.registerOnline(alpha, beta);
        List<ScanFile> files = List.of(file("text/plain"), file("application/pdf"), file("image/png"));

        UUID scanId = client.requestScan(files, List.of(alpha.name(), beta.name()), false);

        for (ProbeDescriptor probe : List.of(alpha, beta)) {
            ScanFiles message = client.awaitScanFiles(probe.name());
            assertThat(message.probe()).isEqualTo(probe.name());
            assertThat(message.jobs()).extracting(ProbeJob::sha256, ProbeJob::mimeType)
                    .containsExactlyInAnyOrderElementsOf(files.stream()
                            .map(f -> org.assertj.core.groups.Tuple.tuple(f.sha256(), f.mimeType())).toList());
            assertThat(message.jobs()).allSatisfy(job -> {
                assertThat(job.scanId()).isEqualTo(scanId);
                assertThat(job.probe()).isEqualTo(probe.name());
                assertThat(job.attempt()).isEqualTo(1);
                assertThat(job.lastAttempt()).isFalse();
                assertThat(job.deadline()).isBetween(Instant.now().plus(Duration.ofMinutes(9)),
                        Instant.now().plus(Duration.ofMinutes(11)));
            });
            assertThat(message.jobs()).extracting(ProbeJob::jobId).doesNotHaveDuplicates();
        }
        awaitJobCount(scanId, 6);
        assertThat(jdbc.queryForList("select status from brain.job where scan_id = ?", String.class, scanId))
                .hasSize(6).containsOnly("PENDING");
        assertThat(client.queuedMessages(alpha.name())).as("one message for alpha").isZero();
        assertThat(client.queuedMessages(beta.name())).as("one message for beta").isZero();
        assertThat(client.reports(scanId)).isEmpty();
    }

    @Test
    void aScanLargerThanTheBatchSizeIsSentInCeilingOfFilesOverBatchSizeMessages() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        List<ScanFile> files = files(23, "text/plain");

        UUID scanId = client.requestScan(files, List.of(probe.name()), false);

        List<ScanFiles> messages = List.of(client.awaitScanFiles(probe.name()), client.awaitScanFiles(probe.name()),
                client.awaitScanFiles(probe.name()));
        assertThat(messages).extracting(m -> m.jobs().size()).containsExactly(10, 10, 3);
        assertThat(messages).flatExtracting(ScanFiles::jobs).extracting(ProbeJob::sha256)
                .containsExactlyInAnyOrderElementsOf(files.stream().map(ScanFile::sha256).toList());
        awaitJobCount(scanId, 23);
        assertThat(client.queuedMessages(probe.name())).isZero();
    }

    @Test
    void pairsAnsweredAtOnceArriveAsOneResultsReportedWithRoutingKeyBrain() {
        ProbeDescriptor pdfOnly = descriptor(newProbeName(), "^application/pdf$");
        ProbeDescriptor caching = descriptor(newProbeName(), null);
        client.registerOnline(pdfOnly, caching);
        ScanFile text = file("text/plain");
        ScanFile pdf = file("application/pdf");
        client.requestScan(List.of(text), List.of(caching.name()), false);
        ProbeJob earlierJob = client.awaitJob(caching.name());
        client.sendResult(resultFor(earlierJob, false, malicious("Eicar-Signature")));
        awaitStatus(earlierJob.jobId(), "DONE");
        String offline = newProbeName();

        UUID scanId = client.requestScan(List.of(text, pdf), List.of(pdfOnly.name(), offline, caching.name()), false);

        awaitJobCount(scanId, 6);
        List<Received> fromBrain = client.brainReports(scanId);
        assertThat(fromBrain).hasSize(1);
        assertThat(fromBrain.getFirst().message().producer()).isEqualTo("brain");
        assertThat(fromBrain.getFirst().message().results())
                .extracting(JobResult::sha256, JobResult::probe, r -> r.result().category(), JobResult::cached)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(text.sha256(), pdfOnly.name(), Category.TYPE_UNSUPPORTED,
                                false),
                        org.assertj.core.groups.Tuple.tuple(text.sha256(), offline, Category.FAILURE, false),
                        org.assertj.core.groups.Tuple.tuple(pdf.sha256(), offline, Category.FAILURE, false),
                        org.assertj.core.groups.Tuple.tuple(text.sha256(), caching.name(), Category.MALICIOUS,
                                true));
        assertThat(fromBrain.getFirst().message().results()).allSatisfy(r -> {
            assertThat(r.jobId()).isNull();
            assertThat(r.attempt()).isZero();
            assertThat(r.willRetry()).isFalse();
        });
        assertThat(client.awaitScanFiles(pdfOnly.name()).jobs()).extracting(ProbeJob::sha256)
                .containsExactly(pdf.sha256());
        assertThat(client.awaitScanFiles(caching.name()).jobs()).extracting(ProbeJob::sha256)
                .containsExactly(pdf.sha256());
        assertThat(client.reports(scanId)).as("nothing else about the scan").hasSize(1);
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

        await().during(QUIET).atMost(WAIT).until(() -> client.queuedMessages(probe.name()) == 0);
        assertThat(jobCount(request.scanId())).isEqualTo(1);
    }

    @Test
    void mimeFilteredPairGetsTypeUnsupportedWithoutJob() {
        ProbeDescriptor pdfOnly = descriptor(newProbeName(), "^application/pdf$");
        client.registerOnline(pdfOnly);
        ScanFile text = file("text/plain");
        ScanFile pdf = file("application/pdf");

        UUID scanId = client.requestScan(List.of(text, pdf), List.of(pdfOnly.name()), false);

        JobResult result = client.awaitBrainResults(scanId, 1).getFirst();
        assertThat(result.sha256()).isEqualTo(text.sha256());
        assertThat(result.result().category()).isEqualTo(Category.TYPE_UNSUPPORTED);
        assertThat(result.result().engineVersion()).isEqualTo(pdfOnly.engineVersion());
        assertThat(result.jobId()).isNull();
        assertThat(result.cached()).isFalse();
        assertThat(client.awaitJob(pdfOnly.name()).sha256()).isEqualTo(pdf.sha256());
        awaitJobCount(scanId, 2);
        assertThat(jdbc.queryForList("select origin || ' ' || status from brain.job where scan_id = ? order by origin",
                String.class, scanId)).containsExactly("ENGINE PENDING", "FILTER DONE");
    }

    @Test
    void aProbeOfflineForLessThanTheGraceStillGetsItsJobWhichWaitsInItsQueue() {
        ProbeDescriptor restarting = descriptor(newProbeName(), null);
        client.register(Instant.now().minus(Duration.ofSeconds(30)), restarting);
        client.awaitDirectory(d -> d.probes().stream().anyMatch(s -> s.probe().name().equals(restarting.name())
                && !s.online()));

        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(restarting.name()), false);

        assertThat(client.awaitJob(restarting.name()).scanId()).isEqualTo(scanId);
        awaitJobCount(scanId, 1);
        assertThat(jdbc.queryForList("select origin || ' ' || status from brain.job where scan_id = ?", String.class,
                scanId)).containsExactly("ENGINE PENDING");
    }

    @Test
    void offlineOrUnknownProbeGetsProbeOfflineFailure() {
        ProbeDescriptor silent = descriptor(newProbeName(), null);
        client.register(Instant.now().minus(Duration.ofMinutes(10)), silent);
        client.awaitDirectory(d -> d.probes().stream().anyMatch(s -> s.probe().name().equals(silent.name())
                && !s.online()));
        String unknown = newProbeName();

        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(silent.name(), unknown), false);

        List<JobResult> results = client.awaitBrainResults(scanId, 2);
        assertThat(results).extracting(JobResult::probe).containsExactlyInAnyOrder(silent.name(), unknown);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.result().category()).isEqualTo(Category.FAILURE);
            assertThat(r.result().error()).isEqualTo("probe offline");
            assertThat(r.jobId()).isNull();
        });
        awaitJobCount(scanId, 2);
        assertThat(jdbc.queryForList("select origin from brain.job where scan_id = ?", String.class, scanId))
                .containsExactly("OFFLINE", "OFFLINE");
        assertThat(client.queuedMessages(silent.name())).isZero();
    }

    @Test
    void secondScanReusesCachedResultUnlessForced() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        ScanFile sample = file("application/x-dosexec");
        client.requestScan(List.of(sample), List.of(probe.name()), false);
        ProbeJob job = client.awaitJob(probe.name());
        client.sendResult(resultFor(job, false, undetected()));
        awaitStatus(job.jobId(), "DONE");

        UUID second = client.requestScan(List.of(sample), List.of(probe.name()), false);

        JobResult cached = client.awaitBrainResults(second, 1).getFirst();
        assertThat(cached.cached()).isTrue();
        assertThat(cached.jobId()).isNull();
        assertThat(cached.result()).isEqualTo(undetected());
        awaitJobCount(second, 1);
        assertThat(client.queuedMessages(probe.name())).isZero();
        assertThat(jdbc.queryForObject("select origin from brain.job where scan_id = ?", String.class, second))
                .isEqualTo("CACHE");

        UUID forced = client.requestScan(List.of(sample), List.of(probe.name()), true);

        assertThat(client.awaitJob(probe.name()).scanId()).isEqualTo(forced);
        awaitJobCount(forced, 1);
        assertThat(client.brainResults(forced)).isEmpty();
    }

    @Test
    void aForgottenFileIsNoLongerAnsweredFromTheCache() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        ScanFile sample = file("application/x-dosexec");
        UUID first = client.requestScan(List.of(sample), List.of(probe.name()), false);
        ProbeJob job = client.awaitJob(probe.name());
        client.sendResult(resultFor(job, false, undetected()));
        awaitStatus(job.jobId(), "DONE");

        client.forgetFiles(List.of(sample.sha256()));

        await().until(() -> jobCount(first) == 0);
        UUID second = client.requestScan(List.of(sample), List.of(probe.name()), false);
        assertThat(client.awaitJob(probe.name()).scanId()).as("sent to the engine, not answered from the cache")
                .isEqualTo(second);
        assertThat(client.brainResults(second)).isEmpty();
    }

    @Test
    void aFinalResultFinishesTheJobAndTheBrainPublishesNothingForIt() {
        FinishedJob finished = finishOneJobAsMalicious("Eicar-Signature");
        ProbeDescriptor probe = finished.probe();
        UUID scanId = finished.scanId();
        ProbeJob job = finished.job();

        assertThat(jobRow(job.jobId())).containsEntry("origin", "ENGINE").containsEntry("attempt", 1)
                .containsEntry("category", "malicious").containsEntry("result", "Eicar-Signature")
                .containsEntry("engine_version", BrainAmqpClient.ENGINE_VERSION);
        assertThat(client.brainReports(scanId)).as("the frontends have it from the probe").isEmpty();
        assertThat(client.reports(scanId)).hasSize(1);
        assertThat(client.queuedMessages(probe.name())).isZero();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFinishedJobIsLoggedOnceAtInfoWithScanFileProbeResultAndDurations(CapturedOutput output) {
        FinishedJob finished = finishOneJobAsMalicious("Eicar-Signature");
        ProbeJob job = finished.job();

        String line = "Job done: scan " + finished.scanId() + " file " + job.sha256().substring(0, 12) + " probe "
                + finished.probe().name() + " result malicious Eicar-Signature engine ";
        await().atMost(WAIT).untilAsserted(() -> assertThat(output.getOut()).contains(line));
        assertThat(output.getOut().lines().filter(l -> l.contains(line)))
                .singleElement().asString().contains(" INFO ").containsPattern("job \\d+ ms \\(job " + job.jobId());
    }

    @Test
    void aDuplicateResultChangesNothing() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain"), file("text/plain")), List.of(probe.name()),
                false);
        List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);
        client.sendResult(resultFor(jobs.get(0), false, undetected()));
        awaitStatus(jobs.get(0).jobId(), "DONE");
        Map<String, Object> row = jobRow(jobs.get(0).jobId());

        // the duplicate (with another answer) travels with the other job's result: one message, one transaction
        client.sendResults(probe.name(), List.of(resultFor(jobs.get(0), false, malicious("Late")),
                resultFor(jobs.get(1), false, undetected())));

        awaitStatus(jobs.get(1).jobId(), "DONE");
        assertThat(jobRow(jobs.get(0).jobId())).isEqualTo(row);
        assertThat(client.brainReports(scanId)).isEmpty();
        assertThat(client.queuedMessages(probe.name())).isZero();
    }

    @Test
    void interactiveJobsOvertakeBulkJobsQueuedBeforeThemAndARetryKeepsItsClass() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID bulk = UUID.randomUUID();
        client.requestScan(new ScanRequested(bulk, files(3, "text/plain"), List.of(probe.name()), false,
                Instant.now(), List.of(), WorkClass.BULK));
        awaitJobCount(bulk, 3);
        UUID interactive = UUID.randomUUID();
        client.requestScan(new ScanRequested(interactive, List.of(file("text/plain")), List.of(probe.name()), false,
                Instant.now(), List.of(), WorkClass.INTERACTIVE));
        awaitJobCount(interactive, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.queuedMessages(probe.name()) == 2);

        // the engine's queue is a priority queue: the interactive batch, queued last, is delivered first
        Message first = rabbit.receive(Topology.probeQueue(probe.name()), 5000);
        Message second = rabbit.receive(Topology.probeQueue(probe.name()), 5000);
        ScanFiles firstBatch = (ScanFiles) rabbit.getMessageConverter().fromMessage(first);
        ScanFiles secondBatch = (ScanFiles) rabbit.getMessageConverter().fromMessage(second);
        assertThat(firstBatch.workClass()).isEqualTo(WorkClass.INTERACTIVE);
        assertThat(firstBatch.jobs()).extracting(ProbeJob::scanId).containsOnly(interactive);
        assertThat(first.getMessageProperties().getPriority()).isEqualTo(WorkClass.INTERACTIVE.priority());
        assertThat(secondBatch.workClass()).isEqualTo(WorkClass.BULK);
        assertThat(secondBatch.jobs()).extracting(ProbeJob::scanId).containsOnly(bulk);
        assertThat(second.getMessageProperties().getPriority()).isEqualTo(WorkClass.BULK.priority());
        assertThat(jdbc.queryForList("select distinct work_class from brain.job where scan_id = ?", String.class,
                bulk)).containsExactly("bulk");

        ProbeJob crashed = secondBatch.jobs().getFirst();
        client.sendResult(resultFor(crashed, true, crashed("engine crashed")));
        Message retry = rabbit.receive(Topology.probeQueue(probe.name()), 30_000);
        assertThat(retry).as("the retry of the bulk job").isNotNull();
        ScanFiles retried = (ScanFiles) rabbit.getMessageConverter().fromMessage(retry);
        assertThat(retried.jobs()).extracting(ProbeJob::jobId).containsExactly(crashed.jobId());
        assertThat(retried.workClass()).isEqualTo(WorkClass.BULK);
        assertThat(retry.getMessageProperties().getPriority()).isEqualTo(WorkClass.BULK.priority());
    }

    @Test
    void anEngineQueueDeclaredWithoutPrioritiesIsReplacedOnceEmptyAndUnused() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        String queue = Topology.probeQueue(probe.name());
        admin.declareQueue(new Queue(queue, true, false, false)); // as a version before priorities declared it

        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);

        assertThat(client.awaitScanFiles(probe.name()).jobs()).extracting(ProbeJob::scanId).containsOnly(scanId);
        // redeclaring with x-max-priority succeeds only when the queue now has that argument
        admin.declareQueue(QueueBuilder.durable(queue).maxPriority(WorkClass.MAX_PRIORITY).build());
    }

    @Test
    void aResultWithWillRetryResendsThatOneJobWithTheNextAttempt() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain"), file("text/plain")), List.of(probe.name()),
                false);
        List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);
        ProbeJob first = jobs.get(0);

        client.sendResults(probe.name(), List.of(resultFor(first, true, crashed("engine crashed")),
                resultFor(jobs.get(1), false, undetected())));

        ScanFiles retry = client.awaitScanFiles(probe.name());
        assertThat(retry.jobs()).hasSize(1);
        ProbeJob second = retry.jobs().getFirst();
        assertThat(second.jobId()).isEqualTo(first.jobId());
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.lastAttempt()).isFalse();
        assertThat(second.deadline()).isEqualTo(first.deadline());
        awaitStatus(jobs.get(1).jobId(), "DONE"); // booked in the transaction that sent the retry
        assertThat(jobRow(first.jobId())).containsEntry("status", "PENDING").containsEntry("attempt", 2);

        client.sendResult(resultFor(second, true, crashed("engine crashed")));
        ProbeJob third = client.awaitScanFiles(probe.name()).jobs().getFirst();
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.lastAttempt()).isTrue();
        client.sendResult(resultFor(third, true, crashed("engine crashed again")));

        awaitStatus(first.jobId(), "DONE");
        assertThat(jobRow(first.jobId())).containsEntry("attempt", 3).containsEntry("category", "failure")
                .containsEntry("error", "engine crashed again");
        assertThat(client.brainReports(scanId)).as("the probe's last answer is final for the frontends too")
                .isEmpty();
        assertThat(client.queuedMessages(probe.name())).isZero();
    }

    @Test
    void aRetryAskedForAfterTheLastAttemptIsFinishedAndReportedByTheBrain() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);
        ProbeJob job = client.awaitJob(probe.name());
        client.sendResult(resultFor(job, true, crashed("1")));
        ProbeJob second = client.awaitJob(probe.name());
        client.sendResult(resultFor(second, true, crashed("2")));
        ProbeJob third = client.awaitJob(probe.name());
        // a probe that believes more attempts are left (the brain's max-attempts was lowered meanwhile)
        JobResult asksForRetry = new JobResult(third.jobId(), third.scanId(), third.sha256(), third.probe(),
                third.attempt(), true, true, false, crashed("3"));

        client.sendResult(asksForRetry);

        awaitStatus(job.jobId(), "DONE");
        JobResult reported = client.awaitBrainResults(scanId, 1).getFirst();
        assertThat(reported.jobId()).isEqualTo(job.jobId());
        assertThat(reported.attempt()).isEqualTo(3);
        assertThat(reported.willRetry()).isFalse();
        assertThat(reported.result()).isEqualTo(crashed("3"));
        assertThat(client.queuedMessages(probe.name())).isZero();
    }

    @Test
    void resultsOfManyJobsInSeveralMessagesAreAllBooked() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(files(30, "text/plain"), List.of(probe.name()), false);
        List<ProbeJob> jobs = client.awaitJobs(probe.name(), 30);

        for (int from = 0; from < jobs.size(); from += 5) {
            List<JobResult> results = new ArrayList<>();
            jobs.subList(from, from + 5).forEach(job -> results.add(resultFor(job, false, undetected())));
            client.sendResults(probe.name(), results);
        }

        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from brain.job where scan_id = ? and status = 'DONE'", Integer.class, scanId) == 30);
        assertThat(jdbc.queryForList("select distinct category from brain.job where scan_id = ?", String.class,
                scanId)).containsExactly("undetected");
        assertThat(client.brainReports(scanId)).isEmpty();
        assertThat(admin.getQueueInfo(Topology.BRAIN_RESULTS_QUEUE).getMessageCount()).isZero();
    }

    @Test
    void cancelEndsPendingJobsAndDropsTheirLaterResults() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain"), file("text/plain")), List.of(probe.name()), false);
        List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);
        client.sendResult(resultFor(jobs.get(0), false, undetected()));
        awaitStatus(jobs.get(0).jobId(), "DONE");

        client.cancel(scanId);

        awaitStatus(jobs.get(1).jobId(), "CANCELLED");
        assertThat(jobRow(jobs.get(0).jobId())).containsEntry("status", "DONE");
        // the late result travels with one of another scan, whose booking shows the message was handled
        UUID otherScan = client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);
        ProbeJob other = client.awaitJob(probe.name());
        client.sendResults(probe.name(), List.of(resultFor(jobs.get(1), false, undetected()),
                resultFor(other, false, undetected())));
        awaitStatus(other.jobId(), "DONE");
        assertThat(jobRow(jobs.get(1).jobId())).containsEntry("status", "CANCELLED").containsEntry("category", null);
        assertThat(client.brainReports(scanId)).isEmpty();
        assertThat(client.brainReports(otherScan)).isEmpty();
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

        await().during(QUIET).atMost(WAIT).until(() -> client.queuedMessages(probe.name()) == 0);
        assertThat(scanRow(scanId)).containsEntry("cancelled", true).containsEntry("requested", false);
        assertThat(jobCount(scanId)).isZero();
        assertThat(client.reports(scanId)).isEmpty();
    }

    @Test
    void anExtractionReportAddsItsNewFilesToTheScanAndTheBrainRelaysItWithTheirAnswers() {
        ProbeDescriptor extractor = new ProbeDescriptor(newProbeName(), "Test extractor", ProbeCategory.EXTRACTOR,
                "0.1.0", "x1", null, "^application/zip$", 5_000);
        ProbeDescriptor antivirus = descriptor(newProbeName(), null);
        client.registerOnline(extractor, antivirus);
        ScanFile zip = file("application/zip");
        UUID scanId = UUID.randomUUID();
        client.requestScan(new ScanRequested(scanId, List.of(zip), List.of(extractor.name(), antivirus.name()), false,
                Instant.now(), List.of("s3cret", "other")));

        ProbeJob extractJob = client.awaitJob(extractor.name());
        assertThat(extractJob.passwords()).as("the extraction probe gets the scan's passwords")
                .containsExactly("s3cret", "other");
        assertThat(extractJob.toString()).doesNotContain("s3cret");
        assertThat(client.awaitJob(antivirus.name()).passwords()).as("no other probe does").isEmpty();
        awaitJobCount(scanId, 2);
        assertThat(jdbc.queryForObject("select array_length(passwords, 1) from brain.job where id = ?", Integer.class,
                extractJob.jobId())).isEqualTo(2);

        ExtractedFile text = member("text/plain", zip.sha256(), "docs/readme.txt", 1, null);
        ExtractedFile locked = member("application/zip", zip.sha256(), "inner.zip", 1,
                new Extraction(ExtractionStatus.ENCRYPTED, "no password opened it", 1));
        ExtractedFile again = new ExtractedFile(text.sha256(), text.md5(), text.sha1(), text.size(), text.mimeType(),
                zip.sha256(), "copy-of-readme.txt", 1, null);
        ExtractedFile itself = new ExtractedFile(zip.sha256(), text.md5(), text.sha1(), 1, "application/zip",
                zip.sha256(), "self.zip", 1, null);
        ExtractedFile orphan = member("text/plain", newSha256(), "nowhere.txt", 1, null);
        ExtractedFile tooDeep = member("text/plain", zip.sha256(), "deep.txt", 3, null);
        ExtractedFile badHash = new ExtractedFile("ZZ", text.md5(), text.sha1(), 1, "text/plain", zip.sha256(),
                "bad", 1, null);
        ExtractionReport report = new ExtractionReport(new Extraction(ExtractionStatus.EXTRACTED, null, 7),
                List.of(text, locked, again, itself, orphan, tooDeep, badHash));
        client.sendResult(new JobResult(extractJob.jobId(), scanId, zip.sha256(), extractor.name(), 1, false, false,
                false, new EngineResult(Category.UNDETECTED, null, "x1", null, 5, null, Map.of()), report));

        awaitJobCount(scanId, 6);
        List<JobResult> relayed = client.awaitBrainResults(scanId, 3);
        JobResult relay = relayed.getFirst();
        assertThat(relay.sha256()).isEqualTo(zip.sha256());
        assertThat(relay.extracted().files()).as("only the files that fit the tree, each once")
                .extracting(ExtractedFile::path).containsExactly("docs/readme.txt", "inner.zip");
        assertThat(relayed.subList(1, relayed.size()))
                .extracting(JobResult::sha256, JobResult::probe, r -> r.result().category(), r -> r.result().result())
                .containsExactlyInAnyOrder(
                        tuple(text.sha256(), extractor.name(), Category.TYPE_UNSUPPORTED, null),
                        tuple(locked.sha256(), extractor.name(), Category.SUSPICIOUS, "Argus.Extract.Encrypted"));
        assertThat(client.awaitScanFiles(antivirus.name()).jobs()).extracting(ProbeJob::sha256)
                .containsExactlyInAnyOrder(text.sha256(), locked.sha256());
        assertThat(jdbc.queryForList("select origin from brain.job where scan_id = ? and probe = ? and sha256 <> ?",
                String.class, scanId, extractor.name(), zip.sha256())).containsOnly("EXTRACTED");
        assertThat(jdbc.queryForObject("select passwords from brain.job where id = ?", Object.class,
                extractJob.jobId())).as("passwords are forgotten when the job ends").isNull();
    }

    private static ExtractedFile member(String mimeType, String parent, String path, int depth,
                                       Extraction extraction) {
        String hex = newSha256();
        return new ExtractedFile(hex, hex.substring(0, 32), hex.substring(0, 40), 100, mimeType, parent, path,
                depth, extraction);
    }

    private Map<String, Object> jobRow(UUID jobId) {
        return jdbc.queryForMap("select * from brain.job where id = ?", jobId);
    }

    /** A job of one probe, one file and one scan, that the probe answered as malicious. */
    private record FinishedJob(ProbeDescriptor probe, UUID scanId, ProbeJob job) {
    }

    /** Registers a probe, scans one file with it and answers its job as malicious; returns once the job is DONE. */
    private FinishedJob finishOneJobAsMalicious(String threat) {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);
        ProbeJob job = client.awaitJob(probe.name());
        client.sendResult(resultFor(job, false, malicious(threat)));
        awaitStatus(job.jobId(), "DONE");
        return new FinishedJob(probe, scanId, job);
    }

    private void awaitStatus(UUID jobId, String status) {
        await().atMost(WAIT).until(() -> status.equals(jobRow(jobId).get("status")));
    }

    /** Waits for the commit of the scan's fan-out (its publishes were confirmed before). */
    private void awaitJobCount(UUID scanId, int count) {
        await().atMost(WAIT).until(() -> jobCount(scanId) == count);
    }

    private int jobCount(UUID scanId) {
        return jdbc.queryForObject("select count(*) from brain.job where scan_id = ?", Integer.class, scanId);
    }

    private Map<String, Object> scanRow(UUID scanId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from brain.scan where id = ?", scanId);
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
