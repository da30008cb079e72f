package dev.argus.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeHeartbeat;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ProbeResult;
import dev.argus.common.store.FileStore;
import dev.argus.probe.registration.InstanceId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The probe end to end against a real broker, the FTP store and clamd: jobs in through {@code argus.probes},
 * results out through {@code argus.brain.results}, registration and heartbeats through {@code argus.brain.probes}.
 * One consumer, so jobs are handled in the order sent.
 */
@SpringBootTest(properties = {"argus.probe.engines=clamav", "argus.probe.concurrency=1",
        "argus.probe.heartbeat-interval=300ms"})
@ActiveProfiles("test")
abstract class AbstractProbeIntegrationTests {

    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    FileStore store;

    @Autowired
    InstanceId instanceId;

    private final List<Object> received = new ArrayList<>();
    private Message lastMatched;

    @BeforeEach
    void purgeResults() {
        admin.purgeQueue(Topology.RESULTS_QUEUE, false);
    }

    @Test
    void scansAFileFromTheStoreAndPublishesItsResultWithVersions() {
        String sha256 = put(EICAR);
        ProbeJob job = job(sha256, Instant.now().plusSeconds(60));

        send(job);

        ProbeResult result = receiveResult(job.jobId());
        assertThat(result.probe()).isEqualTo("clamav");
        assertThat(result.sha256()).isEqualTo(sha256);
        assertThat(result.scanId()).isEqualTo(job.scanId());
        assertThat(result.attempt()).isEqualTo(1);
        assertThat(result.instanceId()).isEqualTo(instanceId.value());
        assertThat(result.retryable()).isFalse();
        assertThat(result.result().category()).isEqualTo(Category.MALICIOUS);
        assertThat(result.result().result()).contains("Eicar");
        assertThat(result.result().engineVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(result.result().signatureVersion()).isNotNull();
        assertThat(result.result().error()).isNull();
        assertThat(lastMatched.getMessageProperties().getHeaders()).containsEntry(MessageTypes.TYPE_HEADER,
                "ProbeResult");
        assertThat(lastMatched.getMessageProperties().getReceivedDeliveryMode())
                .isEqualTo(MessageDeliveryMode.PERSISTENT);
    }

    @Test
    void cleanFileIsUndetected() {
        ProbeJob job = job(put("clean " + UUID.randomUUID()), Instant.now().plusSeconds(60));

        send(job);

        assertThat(receiveResult(job.jobId()).result().category()).isEqualTo(Category.UNDETECTED);
    }

    @Test
    void jobForAFileNotInTheStoreGivesAFailureThatIsNotRetried() {
        String missing = sha256(("never stored " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        ProbeJob job = job(missing, Instant.now().plusSeconds(60));

        send(job);

        ProbeResult result = receiveResult(job.jobId());
        assertThat(result.retryable()).isFalse();
        assertThat(result.result().category()).isEqualTo(Category.FAILURE);
        assertThat(result.result().error()).contains(missing);
    }

    @Test
    void jobAlreadyPastItsDeadlineProducesNoResult() {
        String sha256 = put("late " + UUID.randomUUID());
        ProbeJob late = job(sha256, Instant.now().minusSeconds(1));
        ProbeJob onTime = job(sha256, Instant.now().plusSeconds(60));

        send(late);
        send(onTime);

        // one consumer takes jobs in order: once the second job's result is in, the first was handled
        receiveResult(onTime.jobId());
        assertThat(received).filteredOn(ProbeResult.class::isInstance).map(r -> ((ProbeResult) r).jobId())
                .doesNotContain(late.jobId());
        assertThat(admin.getQueueInfo(Topology.probeQueue("clamav")).getMessageCount()).isZero();
    }

    @Test
    void registersWithTheBrainAndHeartbeatsFollow() {
        ProbeRegistered registered = receive(Topology.PROBES_QUEUE, ProbeRegistered.class,
                r -> r.instanceId().equals(instanceId.value()));
        ProbeHeartbeat heartbeat = receive(Topology.PROBES_QUEUE, ProbeHeartbeat.class,
                h -> h.instanceId().equals(instanceId.value()));

        for (List<ProbeDescriptor> engines : List.of(registered.engines(), heartbeat.engines())) {
            assertThat(engines).singleElement().satisfies(clamav -> {
                assertThat(clamav.name()).isEqualTo("clamav");
                assertThat(clamav.displayName()).isEqualTo("ClamAV");
                assertThat(clamav.category()).isEqualTo(ProbeCategory.ANTIVIRUS);
                assertThat(clamav.mimeTypes()).isNull();
                assertThat(clamav.timeoutMs()).isEqualTo(60_000);
                assertThat(clamav.engineVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
                assertThat(clamav.signatureVersion()).isNotNull();
                assertThat(clamav.version()).isNotBlank();
            });
        }
        assertThat(heartbeat.at()).isAfterOrEqualTo(registered.at());
    }

    private String put(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        String sha256 = sha256(bytes);
        store.store(sha256, new ByteArrayInputStream(bytes));
        return sha256;
    }

    private static ProbeJob job(String sha256, Instant deadline) {
        return new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), sha256, "clamav", "text/plain", 1, deadline);
    }

    private void send(ProbeJob job) {
        rabbit.convertAndSend(Topology.PROBE_EXCHANGE, "clamav", job);
    }

    private ProbeResult receiveResult(UUID jobId) {
        return receive(Topology.RESULTS_QUEUE, ProbeResult.class, r -> r.jobId().equals(jobId));
    }

    /** Receives from the queue until a matching message arrives, keeping everything received. */
    private <T> T receive(String queue, Class<T> type, Predicate<T> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Message raw = rabbit.receive(queue, 500);
            if (raw != null) {
                Object message = rabbit.getMessageConverter().fromMessage(raw);
                received.add(message);
                if (type.isInstance(message) && matching.test(type.cast(message))) {
                    lastMatched = raw;
                    return type.cast(message);
                }
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " on " + queue + " within " + WAIT
                + "; received " + received);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
