package dev.argus.probe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeResult;
import dev.argus.messaging.MessagePublisher;
import dev.argus.probe.FakeEngine;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.AmqpIOException;

class JobRunnerTests {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String SHA256 = "a".repeat(64);
    private static final EngineVersions VERSIONS = new EngineVersions("2.0", "sig-7");

    @TempDir
    Path workDir;

    private final InMemoryFileStore store = new InMemoryFileStore();
    private final List<ProbeResult> published = new CopyOnWriteArrayList<>();
    private final ExecutorService scans = Executors.newCachedThreadPool();
    private MessagePublisher publisher = messages -> messages.forEach(message -> {
        assertThat(message.exchange()).isEqualTo(Topology.BRAIN_EXCHANGE);
        assertThat(message.routingKey()).isEqualTo(Topology.RESULTS_KEY);
        published.add((ProbeResult) message.payload());
    });
    private final FakeEngine engine = new FakeEngine("fake").withVersions(VERSIONS);

    @AfterEach
    void shutdown() {
        scans.shutdownNow();
    }

    @Test
    void publishesTheEngineAnswerWithItsVersionsAndDeletesTheTempFile() throws Exception {
        store.put(SHA256, "hello".getBytes());
        engine.behaving(file -> new ScanOutcome(Category.MALICIOUS, "Test.Threat", Map.of("viruses",
                List.of("Test.Threat")), VERSIONS));
        ProbeJob job = job(NOW.plusSeconds(60));

        runner().handle(job, engine);

        ProbeResult result = onlyResult();
        assertThat(result.jobId()).isEqualTo(job.jobId());
        assertThat(result.scanId()).isEqualTo(job.scanId());
        assertThat(result.probe()).isEqualTo("fake");
        assertThat(result.attempt()).isEqualTo(2);
        assertThat(result.instanceId()).isEqualTo("probe-1");
        assertThat(result.retryable()).isFalse();
        assertThat(result.at()).isEqualTo(NOW);
        assertThat(result.result()).isEqualTo(new EngineResult(Category.MALICIOUS, "Test.Threat", "2.0", "sig-7",
                result.result().durationMs(), null, Map.of("viruses", List.of("Test.Threat"))));
        assertThat(engine.existedDuringScan()).containsExactly(true);
        assertTempFilesDeleted();
    }

    @Test
    void timeoutGivesRetryableTimeoutResultAndInterruptsTheScan() throws Exception {
        store.put(SHA256, "slow".getBytes());
        CountDownLatch interrupted = new CountDownLatch(1);
        engine.withTimeout(Duration.ofMillis(200)).behaving(file -> {
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return null;
        });

        runner().handle(job(NOW.plusSeconds(60)), engine);

        ProbeResult result = onlyResult();
        assertThat(result.retryable()).isTrue();
        assertThat(result.result().category()).isEqualTo(Category.TIMEOUT);
        assertThat(result.result().error()).isEqualTo("Fake fake did not finish within 200 ms");
        assertThat(result.result().engineVersion()).isEqualTo("2.0");
        assertThat(result.result().durationMs()).isGreaterThanOrEqualTo(200);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertTempFilesDeleted();
    }

    @Test
    void engineCrashGivesRetryableFailure() throws Exception {
        store.put(SHA256, "x".getBytes());
        engine.behaving(file -> {
            throw new IllegalStateException("segfault");
        });

        runner().handle(job(NOW.plusSeconds(60)), engine);

        ProbeResult result = onlyResult();
        assertThat(result.retryable()).isTrue();
        assertThat(result.result().category()).isEqualTo(Category.FAILURE);
        assertThat(result.result().error()).contains("Fake fake crashed", "segfault");
        assertThat(result.result().signatureVersion()).isEqualTo("sig-7");
        assertTempFilesDeleted();
    }

    @Test
    void engineExceptionGivesRetryableFailureWithItsMessage() throws Exception {
        store.put(SHA256, "x".getBytes());
        engine.behaving(file -> {
            throw new EngineException("clamd at 127.0.0.1:3310 failed: Connection refused");
        });

        runner().handle(job(NOW.plusSeconds(60)), engine);

        assertThat(onlyResult()).satisfies(result -> {
            assertThat(result.retryable()).isTrue();
            assertThat(result.result().error()).isEqualTo("clamd at 127.0.0.1:3310 failed: Connection refused");
        });
        assertTempFilesDeleted();
    }

    @Test
    void terminalEngineErrorGivesFailureThatIsNotRetried() throws Exception {
        store.put(SHA256, "x".getBytes());
        engine.behaving(file -> {
            throw new TerminalEngineException("clamd refused the file: INSTREAM size limit exceeded.");
        });

        runner().handle(job(NOW.plusSeconds(60)), engine);

        assertThat(onlyResult()).satisfies(result -> {
            assertThat(result.retryable()).isFalse();
            assertThat(result.result().category()).isEqualTo(Category.FAILURE);
            assertThat(result.result().error()).isEqualTo("clamd refused the file: INSTREAM size limit exceeded.");
        });
        assertTempFilesDeleted();
    }

    @Test
    void fileMissingFromTheStoreGivesFailureThatIsNotRetried() throws Exception {
        runner().handle(job(NOW.plusSeconds(60)), engine);

        assertThat(onlyResult()).satisfies(result -> {
            assertThat(result.retryable()).isFalse();
            assertThat(result.result().category()).isEqualTo(Category.FAILURE);
            assertThat(result.result().error()).contains("no file stored under sha256 " + SHA256);
        });
        assertThat(engine.scanned()).isEmpty();
    }

    @Test
    void jobPastItsDeadlineIsDroppedWithoutResult() throws Exception {
        store.put(SHA256, "x".getBytes());

        runner().handle(job(NOW.minusMillis(1)), engine);

        assertThat(published).isEmpty();
        assertThat(engine.scanned()).isEmpty();
        assertTempFilesDeleted();
    }

    @Test
    void publishFailurePropagatesSoTheJobIsRequeuedAndTheTempFileIsStillDeleted() throws IOException {
        store.put(SHA256, "x".getBytes());
        publisher = messages -> {
            throw new AmqpIOException(new IOException("channel closed"));
        };

        assertThatThrownBy(() -> runner().handle(job(NOW.plusSeconds(60)), engine))
                .isInstanceOf(AmqpIOException.class);

        assertThat(engine.existedDuringScan()).containsExactly(true);
        assertTempFilesDeleted();
    }

    private JobRunner runner() {
        return new JobRunner(store, workDir, publisher, "probe-1", Clock.fixed(NOW, ZoneOffset.UTC), scans);
    }

    private static ProbeJob job(Instant deadline) {
        return new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), SHA256, "fake", "text/plain", 2, deadline);
    }

    private ProbeResult onlyResult() {
        assertThat(published).hasSize(1);
        return published.getFirst();
    }

    private void assertTempFilesDeleted() throws IOException {
        assertThat(engine.scanned()).allSatisfy(file -> assertThat(file).doesNotExist());
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).isEmpty();
        }
    }
}
