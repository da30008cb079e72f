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
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Interactive work overtakes bulk work on an engine's queue (docs/architecture.md#priorities): the real probe, as the
 * least-privilege user argus-probe-scripted with its default prefetch of one, consumes the priority queue it declared;
 * its engine is slow (each scan waits until the test lets it go). A backlog of bulk batches is queued behind a bulk
 * batch in progress, then one interactive batch: the interactive one is scanned next, before the bulk backlog drains.
 * The order of completion is asserted, not a time. With a large prefetch, a queue without {@code x-max-priority} or
 * a batch sent without its priority the interactive batch would come last.
 */
@SpringBootTest(properties = {"argus.probe.engines=scripted", "argus.probe.concurrency=1",
        "spring.rabbitmq.username=argus-probe-scripted",
        "spring.rabbitmq.password=${ARGUS_RABBITMQ_PROBE_SCRIPTED_PASSWORD:argus-probe-scripted-ci}",
        "argus.test.rabbitmq.username=guest", "argus.test.rabbitmq.password=guest"})
@ActiveProfiles("test")
class PriorityIntegrationTests {

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

    private TestBroker broker;
    private String results;

    @BeforeEach
    void connect() {
        broker = TestBroker.connect(rabbitProperties, environment, converter);
        results = broker.resultsQueue();
        broker.purge(JOBS);
        broker.purge(Topology.BRAIN_RESULTS_QUEUE);
        broker.purge(Topology.FRONTEND_RESULTS_QUEUE);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void anInteractiveBatchIsScannedBeforeTheBulkBacklogDrains() throws Exception {
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.behaving(file -> {
            if (content(file).startsWith("slow")) {
                scanning.countDown();
                release.await(); // the slow engine: busy with the first bulk batch until the test lets it go
            }
            return new ScanOutcome(Category.UNDETECTED, null, Map.of(), VERSIONS);
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

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProbeJob job(String sha256) {
        return new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), sha256, "scripted", "text/plain", 1, false,
                Instant.now().plusSeconds(120));
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
