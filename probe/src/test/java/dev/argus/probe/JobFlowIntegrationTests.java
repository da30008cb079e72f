package dev.argus.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.WorkClass;
import dev.argus.common.store.FileStore;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * How the probe handles a batch of jobs, end to end through the real broker and FTP store, with a scripted engine
 * (a test bean that answers by the file's content) so crashes, odd engine text and a scan in progress can be
 * arranged. One consumer with a prefetch of one: a batch that is not acknowledged holds the next one in the queue.
 * The probe runs as the least-privilege user argus-probe-scripted; the test plays the brain as guest.
 */
@SpringBootTest(properties = {"argus.probe.engines=scripted", "argus.probe.concurrency=1", "argus.probe.prefetch=1",
        "spring.rabbitmq.username=argus-probe-scripted",
        "spring.rabbitmq.password=${ARGUS_RABBITMQ_PROBE_SCRIPTED_PASSWORD:argus-probe-scripted-ci}",
        "argus.test.rabbitmq.username=guest", "argus.test.rabbitmq.password=guest"})
@ActiveProfiles("test")
class JobFlowIntegrationTests {

    private static final String JOBS = Topology.probeQueue("scripted");
    private static final EngineVersions VERSIONS = new EngineVersions("1.0", "sig-1");
    private static final int BULK_BACKLOG = 6;

    @TestConfiguration(proxyBeanMethods = false)
    static class ScriptedEngine {

        @Bean
        FakeEngine scripted() {
            return new FakeEngine("scripted").withVersions(VERSIONS);
        }
    }

    @Autowired
    RabbitProperties rabbitProperties;

    @Autowired
    Environment environment;

    @Autowired
    MessageConverter converter;

    @Autowired
    FileStore store;

    @Autowired
    FakeEngine engine;

    @Autowired
    CachingConnectionFactory probeConnections;

    private TestBroker broker;
    private String results;

    @BeforeEach
    void connect() {
        engine.behaving(file -> undetected());
        broker = TestBroker.connect(rabbitProperties, environment, converter);
        results = broker.resultsQueue();
        broker.purge(Topology.BRAIN_RESULTS_QUEUE);
        broker.purge(Topology.FRONTEND_RESULTS_QUEUE);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void aBatchIsAnsweredWithOneReportAndAcknowledgedOnlyAfterIt() throws Exception {
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.behaving(file -> {
            if (content(file).startsWith("hold")) {
                scanning.countDown();
                release.await();
            }
            return undetected();
        });
        List<ProbeJob> first = List.of(job(put("first " + UUID.randomUUID())), job(put("hold " + UUID.randomUUID())));
        ProbeJob second = job(put("second " + UUID.randomUUID()));

        broker.send(new ScanFiles("scripted", first));
        assertThat(scanning.await(30, TimeUnit.SECONDS)).as("the engine scans the batch's second file").isTrue();
        broker.send(new ScanFiles("scripted", List.of(second)));

        // the first file is scanned but nothing is published before the whole batch is done, and the batch is
        // not acknowledged: with a prefetch of one the next batch still waits in the queue
        assertThat(broker.poll(results)).isNull();
        assertThat(broker.ready(JOBS)).isEqualTo(1);
        release.countDown();

        TestBroker.Received<ResultsReported> report = broker.report(results, ids(first));
        assertThat(report.body().results()).extracting(JobResult::jobId).containsExactlyElementsOf(ids(first));
        assertThat(report.message().getMessageProperties().getReceivedRoutingKey()).isEqualTo("probe.scripted");
        assertThat(broker.report(results, List.of(second.jobId())).body().results()).extracting(JobResult::jobId)
                .containsExactly(second.jobId());
        assertThat(broker.ready(JOBS)).isZero();
    }

    @Test
    void aJobPastItsDeadlineIsDroppedUnscannedWhileTheOthersOfTheBatchAreAnswered() {
        ProbeJob late = job(put("late " + UUID.randomUUID()), Instant.now().minusSeconds(1), 1, false);
        ProbeJob onTime = job(put("on time " + UUID.randomUUID()));
        int scannedBefore = engine.scanned().size();

        broker.send(new ScanFiles("scripted", List.of(late, onTime)));

        assertThat(broker.report(results, List.of(late.jobId(), onTime.jobId())).body().results())
                .extracting(JobResult::jobId).containsExactly(onTime.jobId());
        assertThat(engine.scanned()).hasSize(scannedBefore + 1);
    }

    @Test
    void willRetryIsSetForARetryableFailureBeforeTheLastAttemptOnly() {
        engine.behaving(file -> {
            throw new IllegalStateException("the engine crashed on " + content(file));
        });
        ProbeJob early = job(put("crash " + UUID.randomUUID()), Instant.now().plusSeconds(60), 1, false);
        ProbeJob last = job(put("crash " + UUID.randomUUID()), Instant.now().plusSeconds(60), 3, true);

        broker.send(new ScanFiles("scripted", List.of(early, last)));

        assertThat(broker.report(results, List.of(early.jobId(), last.jobId())).body().results())
                .satisfiesExactly(first -> {
                    assertThat(first.jobId()).isEqualTo(early.jobId());
                    assertThat(first.attempt()).isEqualTo(1);
                    assertThat(first.result().category()).isEqualTo(Category.FAILURE);
                    assertThat(first.result().error()).contains("Fake scripted crashed", "the engine crashed");
                    assertThat(first.retryable()).isTrue();
                    assertThat(first.willRetry()).isTrue();
                }, second -> {
                    assertThat(second.jobId()).isEqualTo(last.jobId());
                    assertThat(second.attempt()).isEqualTo(3);
                    assertThat(second.result().category()).isEqualTo(Category.FAILURE);
                    assertThat(second.retryable()).isTrue();
                    assertThat(second.willRetry()).isFalse();
                });
    }

    @Test
    void engineTextWithNulAndControlCharactersIsPublishedCleaned() {
        engine.behaving(file -> {
            if (content(file).startsWith("error")) {
                throw new EngineException("the service said\u0000 \u001b[31mno\r\nway");
            }
            return new ScanOutcome(Category.MALICIOUS, "Evil\u0000.Thr\u0007eat\nLine2",
                    Map.of("raw\u0000key", "value\u0000with\u0001controls"), VERSIONS);
        });
        ProbeJob threat = job(put("threat " + UUID.randomUUID()));
        ProbeJob error = job(put("error " + UUID.randomUUID()));

        broker.send(new ScanFiles("scripted", List.of(threat, error)));

        TestBroker.Received<ResultsReported> report = broker.report(results, List.of(threat.jobId(),
                error.jobId()));
        assertThat(report.body().results()).satisfiesExactly(first -> {
            assertThat(first.result().result()).isEqualTo("Evil.Threat Line2");
            assertThat(first.result().details()).containsExactly(Map.entry("rawkey", "valuewithcontrols"));
        }, second -> {
            assertThat(second.result().category()).isEqualTo(Category.FAILURE);
            assertThat(second.result().error()).isEqualTo("the service said [31mno  way");
        });
        String json = new String(report.message().getBody(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\\u0000", "\\u0001", "\\u0007", "\\u001b", "\\u001B", "\\r", "\\n");
    }

    @Test
    void aBatchInProgressWhenTheProbeLosesItsConnectionIsDeliveredAgainAndAnswered() throws Exception {
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch scannedTwice = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        engine.behaving(file -> {
            if (content(file).startsWith("hold")) {
                scanning.countDown();
                scannedTwice.countDown();
                release.await();
            }
            return undetected();
        });
        List<ProbeJob> batch = List.of(job(put("hold " + UUID.randomUUID())), job(put("other " + UUID.randomUUID())));

        broker.send(new ScanFiles("scripted", batch));
        assertThat(scanning.await(30, TimeUnit.SECONDS)).isTrue();
        // the broker takes back the unacknowledged batch when the probe's connection goes, as when it is killed
        probeConnections.resetConnection();
        release.countDown();

        assertThat(scannedTwice.await(30, TimeUnit.SECONDS)).as("the batch is delivered again").isTrue();
        // answered by the redelivery (the first delivery's answer may or may not have got through before its
        // channel went: receivers are idempotent per job)
        assertThat(broker.report(results, ids(batch)).body().results()).extracting(JobResult::jobId)
                .containsExactlyElementsOf(ids(batch));
        assertThat(broker.ready(JOBS)).isZero();
    }

    /**
     * Interactive work overtakes bulk work on an engine's queue (docs/architecture.md#priorities): the probe consumes
     * the priority queue it declared, one batch at a time; its engine is slow (each scan of the first batch waits
     * until the test lets it go). Six bulk batches queue behind the one in progress, then one interactive batch: the
     * interactive one is scanned next, before the bulk backlog drains. The order of completion is asserted, not a
     * time; with a large prefetch, a queue without {@code x-max-priority} or a batch sent without its priority the
     * interactive batch would come last.
     */
    @Test
    void anInteractiveBatchIsScannedBeforeTheBulkBacklogDrains() throws Exception {
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.behaving(file -> {
            if (content(file).startsWith("slow")) {
                scanning.countDown();
                release.await(); // the slow engine: busy with the first bulk batch until the test lets it go
            }
            return undetected();
        });
        ProbeJob inProgress = job(put("slow " + UUID.randomUUID()));
        broker.sendWithPriority(new ScanFiles("scripted", List.of(inProgress), WorkClass.BULK));
        assertThat(scanning.await(30, TimeUnit.SECONDS)).as("the probe scans the first bulk batch").isTrue();
        List<UUID> bulk = new ArrayList<>();
        for (int i = 0; i < BULK_BACKLOG; i++) {
            ProbeJob job = job(put("bulk " + i + " " + UUID.randomUUID()));
            bulk.add(job.jobId());
            broker.sendWithPriority(new ScanFiles("scripted", List.of(job), WorkClass.BULK));
        }
        ProbeJob interactive = job(put("interactive " + UUID.randomUUID()));
        broker.sendWithPriority(new ScanFiles("scripted", List.of(interactive), WorkClass.INTERACTIVE));
        // the whole backlog waits in the queue: the probe holds one batch at a time (prefetch 1)
        assertThat(broker.ready(JOBS)).isEqualTo(BULK_BACKLOG + 1);

        release.countDown();

        Set<UUID> expected = new LinkedHashSet<>(bulk);
        expected.add(inProgress.jobId());
        expected.add(interactive.jobId());
        List<UUID> completed = new ArrayList<>();
        while (completed.size() < expected.size()) {
            TestBroker.Received<ResultsReported> report = broker.receive(results, ResultsReported.class,
                    r -> r.results().stream().map(JobResult::jobId).anyMatch(expected::contains));
            report.body().results().stream().map(JobResult::jobId).filter(expected::contains)
                    .filter(id -> !completed.contains(id)).forEach(completed::add);
        }
        assertThat(completed.getFirst()).as("the batch in progress finishes first").isEqualTo(inProgress.jobId());
        assertThat(completed.get(1)).as("then the interactive batch, ahead of %d bulk batches queued before it",
                BULK_BACKLOG).isEqualTo(interactive.jobId());
        assertThat(completed.subList(2, completed.size())).as("the bulk backlog in its own order")
                .containsExactlyElementsOf(bulk);
    }

    private static ScanOutcome undetected() {
        return new ScanOutcome(Category.UNDETECTED, null, Map.of(), VERSIONS);
    }

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<UUID> ids(List<ProbeJob> jobs) {
        return jobs.stream().map(ProbeJob::jobId).toList();
    }

    private static ProbeJob job(String sha256) {
        return job(sha256, Instant.now().plusSeconds(60), 1, false);
    }

    private static ProbeJob job(String sha256, Instant deadline, int attempt, boolean lastAttempt) {
        return new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), sha256, "scripted", "text/plain", attempt,
                lastAttempt, deadline);
    }

    private String put(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            store.store(sha256, new ByteArrayInputStream(bytes));
            return sha256;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
