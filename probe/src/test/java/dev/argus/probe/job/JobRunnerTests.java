package dev.argus.probe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.messaging.OutboundMessage;
import dev.argus.probe.FakeEngine;
import dev.argus.probe.RecordingPublisher;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private final ExecutorService scans = Executors.newCachedThreadPool();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final FakeEngine engine = new FakeEngine("fake").withVersions(VERSIONS);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

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

        runner().handle(batch(job), engine);

        assertThat(publisher.published()).singleElement().satisfies(message -> {
            assertThat(message.exchange()).isEqualTo(Topology.RESULTS_EXCHANGE);
            assertThat(message.routingKey()).isEqualTo("probe.fake");
        });
        ResultsReported reported = onlyReport();
        assertThat(reported.producer()).isEqualTo("probe-1");
        assertThat(reported.at()).isEqualTo(NOW);
        JobResult result = reported.results().getFirst();
        assertThat(reported.results()).hasSize(1);
        assertThat(result.jobId()).isEqualTo(job.jobId());
        assertThat(result.scanId()).isEqualTo(job.scanId());
        assertThat(result.sha256()).isEqualTo(SHA256);
        assertThat(result.probe()).isEqualTo("fake");
        assertThat(result.attempt()).isEqualTo(2);
        assertThat(result.retryable()).isFalse();
        assertThat(result.willRetry()).isFalse();
        assertThat(result.cached()).isFalse();
        assertThat(result.result()).isEqualTo(new EngineResult(Category.MALICIOUS, "Test.Threat", "2.0", "sig-7",
                result.result().durationMs(), null, Map.of("viruses", List.of("Test.Threat"))));
        assertThat(engine.existedDuringScan()).containsExactly(true);
        assertTempFilesDeleted();
    }

    @Test
    void aBatchOfSeveralFilesIsScannedInOrderAndAnsweredWithOneReport() throws Exception {
        List<String> keys = List.of("1".repeat(64), "2".repeat(64), "3".repeat(64));
        keys.forEach(key -> store.put(key, key.substring(0, 1).getBytes(StandardCharsets.US_ASCII)));
        engine.behaving(file -> content(file).equals("2")
                ? new ScanOutcome(Category.MALICIOUS, "Two", Map.of(), VERSIONS)
                : new ScanOutcome(Category.UNDETECTED, null, Map.of(), VERSIONS));
        List<ProbeJob> jobs = keys.stream().map(key -> job(key, NOW.plusSeconds(60))).toList();

        runner().handle(new ScanFiles("fake", jobs), engine);

        assertThat(registry.get("argus.engine.scan").tags("engine", "fake", "category", "undetected").timer().count())
                .as("argus_engine_scan_seconds_count{category=undetected}").isEqualTo(2);
        assertThat(registry.get("argus.engine.scan").tags("engine", "fake", "category", "malicious").timer().count())
                .as("argus_engine_scan_seconds_count{category=malicious}").isEqualTo(1);
        ResultsReported reported = onlyReport();
        assertThat(reported.results()).extracting(JobResult::jobId)
                .containsExactlyElementsOf(jobs.stream().map(ProbeJob::jobId).toList());
        assertThat(reported.results()).extracting(JobResult::sha256).containsExactlyElementsOf(keys);
        assertThat(reported.results()).extracting(r -> r.result().category())
                .containsExactly(Category.UNDETECTED, Category.MALICIOUS, Category.UNDETECTED);
        assertThat(engine.scanned()).hasSize(3);
        assertThat(engine.existedDuringScan()).containsExactly(true, true, true);
        assertTempFilesDeleted();
    }

    @Test
    void aJobPastItsDeadlineIsDroppedUnscannedWhileTheOthersOfTheBatchAreAnswered() throws Exception {
        String other = "b".repeat(64);
        store.put(SHA256, "late".getBytes());
        store.put(other, "on time".getBytes());
        ProbeJob late = job(SHA256, NOW.minusMillis(1));
        ProbeJob onTime = job(other, NOW.plusSeconds(60));

        runner().handle(new ScanFiles("fake", List.of(late, onTime)), engine);

        assertThat(onlyReport().results()).singleElement().extracting(JobResult::jobId).isEqualTo(onTime.jobId());
        assertThat(engine.scanned()).hasSize(1);
        assertThat(registry.get("argus.engine.scan").timer().count()).as("only the scanned job is timed").isEqualTo(1);
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

        runner().handle(batch(job(NOW.plusSeconds(60))), engine);

        JobResult result = onlyResult();
        assertThat(result.retryable()).isTrue();
        assertThat(result.willRetry()).isTrue();
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

        runner().handle(batch(job(NOW.plusSeconds(60))), engine);

        JobResult result = onlyResult();
        assertThat(result.retryable()).isTrue();
        assertThat(result.willRetry()).isTrue();
        assertThat(result.result().category()).isEqualTo(Category.FAILURE);
        assertThat(result.result().error()).contains("Fake fake crashed", "segfault");
        assertThat(result.result().signatureVersion()).isEqualTo("sig-7");
        assertTempFilesDeleted();
    }

    @Test
    void aRetryableFailureAtTheLastAttemptIsNotRetriedAgain() throws Exception {
        String other = "b".repeat(64);
        store.put(SHA256, "x".getBytes());
        store.put(other, "y".getBytes());
        engine.behaving(file -> {
            throw new EngineException("clamd at 127.0.0.1:3310 failed: Connection refused");
        });
        ProbeJob early = new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), SHA256, "fake", "text/plain", 1, false,
                NOW.plusSeconds(60));
        ProbeJob last = new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), other, "fake", "text/plain", 3, true,
                NOW.plusSeconds(60));

        runner().handle(new ScanFiles("fake", List.of(early, last)), engine);

        assertThat(onlyReport().results()).satisfiesExactly(first -> {
            assertThat(first.jobId()).isEqualTo(early.jobId());
            assertThat(first.attempt()).isEqualTo(1);
            assertThat(first.retryable()).isTrue();
            assertThat(first.willRetry()).isTrue();
        }, second -> {
            assertThat(second.jobId()).isEqualTo(last.jobId());
            assertThat(second.attempt()).isEqualTo(3);
            assertThat(second.retryable()).isTrue();
            assertThat(second.willRetry()).isFalse();
        });
    }

    @Test
    void engineExceptionGivesRetryableFailureWithItsMessage() throws Exception {
        store.put(SHA256, "x".getBytes());
        engine.behaving(file -> {
            throw new EngineException("clamd at 127.0.0.1:3310 failed: Connection refused");
        });

        runner().handle(batch(job(NOW.plusSeconds(60))), engine);

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

        runner().handle(batch(job(NOW.plusSeconds(60))), engine);

        assertThat(onlyResult()).satisfies(result -> {
            assertThat(result.retryable()).isFalse();
            assertThat(result.willRetry()).isFalse();
            assertThat(result.result().category()).isEqualTo(Category.FAILURE);
            assertThat(result.result().error()).isEqualTo("clamd refused the file: INSTREAM size limit exceeded.");
        });
        assertTempFilesDeleted();
    }

    @Test
    void fileMissingFromTheStoreGivesFailureThatIsNotRetried() throws Exception {
        runner().handle(batch(job(NOW.plusSeconds(60))), engine);

        assertThat(onlyResult()).satisfies(result -> {
            assertThat(result.retryable()).isFalse();
            assertThat(result.willRetry()).isFalse();
            assertThat(result.result().category()).isEqualTo(Category.FAILURE);
            assertThat(result.result().error()).contains("no file stored under sha256 " + SHA256);
        });
        assertThat(engine.scanned()).isEmpty();
    }

    @Test
    void engineTextWithNulAndControlCharactersIsPublishedCleaned() throws Exception {
        String other = "b".repeat(64);
        store.put(SHA256, "threat".getBytes());
        store.put(other, "error".getBytes());
        EngineVersions noisy = new EngineVersions("2.0\u0000beta", "sig\u001b[31m-7");
        engine.withVersions(noisy).behaving(file -> {
            if (content(file).equals("error")) {
                throw new EngineException("clamd said\u0000 \u0007bad\r\nthings");
            }
            return new ScanOutcome(Category.MALICIOUS, "Evil\u0000.Thr\u0007eat\nLine2",
                    Map.of("raw\u0000key", "value\u0000with\u0001controls"), noisy);
        });

        runner().handle(new ScanFiles("fake", List.of(job(SHA256, NOW.plusSeconds(60)),
                job(other, NOW.plusSeconds(60)))), engine);

        assertThat(onlyReport().results()).satisfiesExactly(threat -> {
            assertThat(threat.result().result()).isEqualTo("Evil.Threat Line2");
            assertThat(threat.result().engineVersion()).isEqualTo("2.0beta");
            assertThat(threat.result().signatureVersion()).isEqualTo("sig[31m-7");
            assertThat(threat.result().details()).containsExactly(Map.entry("rawkey", "valuewithcontrols"));
        }, failure -> {
            assertThat(failure.result().category()).isEqualTo(Category.FAILURE);
            assertThat(failure.result().error()).isEqualTo("clamd said bad  things");
        });
    }

    @Test
    void aBatchWhoseJobsAreAllPastTheirDeadlineIsDroppedWithoutReport() throws Exception {
        store.put(SHA256, "x".getBytes());

        runner().handle(batch(job(NOW.minusMillis(1))), engine);

        assertThat(publisher.published()).isEmpty();
        assertThat(engine.scanned()).isEmpty();
        assertTempFilesDeleted();
    }

    @Test
    void publishFailurePropagatesSoTheBatchIsRequeuedAndTheTempFileIsStillDeleted() throws IOException {
        store.put(SHA256, "x".getBytes());
        publisher.behaving(message -> {
            throw new AmqpIOException(new IOException("channel closed"));
        });

        assertThatThrownBy(() -> runner().handle(batch(job(NOW.plusSeconds(60))), engine))
                .isInstanceOf(AmqpIOException.class);

        assertThat(engine.existedDuringScan()).containsExactly(true);
        assertTempFilesDeleted();
    }

    private JobRunner runner() {
        return new JobRunner(store, workDir, publisher, "probe-1", Clock.fixed(NOW, ZoneOffset.UTC), scans,
                new ScanMeters(registry));
    }

    private static ProbeJob job(Instant deadline) {
        return job(SHA256, deadline);
    }

    private static ProbeJob job(String sha256, Instant deadline) {
        return new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), sha256, "fake", "text/plain", 2, false, deadline);
    }

    private static ScanFiles batch(ProbeJob job) {
        return new ScanFiles("fake", List.of(job));
    }

    private ResultsReported onlyReport() {
        assertThat(publisher.published()).hasSize(1);
        OutboundMessage message = publisher.published().getFirst();
        assertThat(message.exchange()).isEqualTo(Topology.RESULTS_EXCHANGE);
        assertThat(message.routingKey()).isEqualTo(Topology.probeResultKey("fake"));
        return (ResultsReported) message.payload();
    }

    private JobResult onlyResult() {
        List<JobResult> results = onlyReport().results();
        assertThat(results).hasSize(1);
        return results.getFirst();
    }

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertTempFilesDeleted() throws IOException {
        assertThat(engine.scanned()).allSatisfy(file -> assertThat(file).doesNotExist());
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).isEmpty();
        }
    }
}
