package dev.argus.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.store.FileStore;
import dev.argus.messaging.DeadLetters;
import dev.argus.probe.registration.InstanceId;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The probe end to end against a real broker, the FTP store and clamd: batches of jobs in through
 * {@code argus.probes}, one {@code ResultsReported} per batch out through the topic exchange {@code argus.results}
 * (read from a queue of the test), registration and heartbeats through {@code argus.brain.probes}, messages it
 * cannot handle parked in {@code argus.dead-letters}. One consumer, so batches are handled in the order sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "argus.probe.engines=clamav", "argus.probe.concurrency=1",
        "argus.probe.heartbeat-interval=300ms"})
@ActiveProfiles("test")
abstract class AbstractProbeIntegrationTests {

    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private static final String JOBS = Topology.probeQueue("clamav");

    @Autowired
    RabbitProperties rabbitProperties;

    @Autowired
    Environment environment;

    @Autowired
    MessageConverter converter;

    @Autowired
    FileStore store;

    @Autowired
    InstanceId instanceId;

    @LocalServerPort
    int port;

    private TestBroker broker;
    private String results;

    @BeforeEach
    void connect() {
        broker = TestBroker.connect(rabbitProperties, environment, converter);
        results = broker.resultsQueue();
        broker.purge(Topology.BRAIN_RESULTS_QUEUE);
        broker.purge(Topology.FRONTEND_RESULTS_QUEUE);
        broker.purge(Topology.DEAD_LETTER_QUEUE);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void scansAFileFromTheStoreAndPublishesItsResultWithVersions() {
        String sha256 = put(EICAR);
        ProbeJob job = job(sha256, Instant.now().plusSeconds(60));

        broker.send(batch(job));

        TestBroker.Received<ResultsReported> report = broker.report(results, List.of(job.jobId()));
        assertThat(report.body().producer()).isEqualTo(instanceId.value());
        JobResult result = report.body().results().getFirst();
        assertThat(report.body().results()).hasSize(1);
        assertThat(result.jobId()).isEqualTo(job.jobId());
        assertThat(result.probe()).isEqualTo("clamav");
        assertThat(result.sha256()).isEqualTo(sha256);
        assertThat(result.scanId()).isEqualTo(job.scanId());
        assertThat(result.attempt()).isEqualTo(1);
        assertThat(result.retryable()).isFalse();
        assertThat(result.willRetry()).isFalse();
        assertThat(result.cached()).isFalse();
        assertThat(result.result().category()).isEqualTo(Category.MALICIOUS);
        assertThat(result.result().result()).contains("Eicar");
        assertThat(result.result().engineVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(result.result().signatureVersion()).isNotNull();
        assertThat(result.result().error()).isNull();
        MessageProperties properties = report.message().getMessageProperties();
        assertThat(properties.getHeaders()).containsEntry(MessageTypes.TYPE_HEADER, "ResultsReported");
        assertThat(properties.getReceivedExchange()).isEqualTo(Topology.RESULTS_EXCHANGE);
        assertThat(properties.getReceivedRoutingKey()).isEqualTo("probe.clamav");
        assertThat(properties.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(properties.getReceivedUserId()).as("the probe's RabbitMQ user, checked by the broker")
                .isEqualTo(rabbitProperties.determineUsername());
    }

    /** The actuator on the probe's own port: health probes UP, the engine's scan latency histogram after a scan. */
    @Test
    void servesHealthAndTheEngineLatencyHistogramOnItsActuator() throws Exception {
        ProbeJob job = job(put(EICAR), Instant.now().plusSeconds(60));
        broker.send(batch(job));
        broker.report(results, List.of(job.jobId()));

        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> health = get(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
        }
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics.lines().filter(line -> line.startsWith("argus_engine_scan_seconds_count{")
                && line.contains("engine=\"clamav\"") && line.contains("category=\"malicious\""))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))))
                .as("argus_engine_scan_seconds_count{engine=clamav,category=malicious}")
                .singleElement().satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(1));
        assertThat(metrics).as("a percentile histogram").contains("argus_engine_scan_seconds_bucket{");
    }

    /** Malformed request targets on the actuator port, sent through a raw socket: a 4xx, never a 5xx. */
    @Test
    void malformedTargetsOnTheActuatorPortAreA4xx() throws Exception {
        for (String target : List.of("/actuator/;a%", "/actuator/health;a%", "/;a%", "/%zz", "/actuator/%00",
                "/actuator/health/%2F", "/x;y%", "TRACE /actuator/;a%", "TRACE /")) {
            String answer;
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(((target.startsWith("/") ? "GET " : "") + target + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(Integer.parseInt(answer.substring(9, 12))).as(target + " -> " + answer).isBetween(400, 499);
        }
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) {
        return ArgusTestClient.onPort(port, null).get(path);
    }

    @Test
    void cleanFileIsUndetected() {
        ProbeJob job = job(put("clean " + UUID.randomUUID()), Instant.now().plusSeconds(60));

        broker.send(batch(job));

        assertThat(onlyResult(broker.report(results, List.of(job.jobId())).body()).result().category())
                .isEqualTo(Category.UNDETECTED);
    }

    @Test
    void jobForAFileNotInTheStoreGivesAFailureThatIsNotRetried() {
        String missing = sha256(("never stored " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        ProbeJob job = job(missing, Instant.now().plusSeconds(60));

        broker.send(batch(job));

        JobResult result = onlyResult(broker.report(results, List.of(job.jobId())).body());
        assertThat(result.retryable()).isFalse();
        assertThat(result.willRetry()).isFalse();
        assertThat(result.result().category()).isEqualTo(Category.FAILURE);
        assertThat(result.result().error()).contains(missing);
    }

    @Test
    void aFileWhoseStoredContentIsNotItsSha256IsAFailureThatIsNotRetriedNorScanned() {
        String sha256 = sha256(("what the frontend stored " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        store.store(sha256, new ByteArrayInputStream(EICAR.getBytes(StandardCharsets.US_ASCII)));
        ProbeJob job = job(sha256, Instant.now().plusSeconds(60));

        broker.send(batch(job));

        JobResult result = onlyResult(broker.report(results, List.of(job.jobId())).body());
        assertThat(result.retryable()).isFalse();
        assertThat(result.willRetry()).isFalse();
        assertThat(result.result().category()).isEqualTo(Category.FAILURE);
        assertThat(result.result().error()).isEqualTo("file in store does not match its sha256");
        store.delete(sha256);
    }

    @Test
    void aBatchOfSeveralFilesYieldsOneReportWithOneResultPerFileForTheBrainAndTheFrontends() {
        String missing = sha256(("never stored " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        List<ProbeJob> jobs = List.of(job(put(EICAR), Instant.now().plusSeconds(60)),
                job(put("clean " + UUID.randomUUID()), Instant.now().plusSeconds(60)),
                job(missing, Instant.now().plusSeconds(60)));
        List<UUID> jobIds = jobs.stream().map(ProbeJob::jobId).toList();

        broker.send(new ScanFiles("clamav", jobs));

        TestBroker.Received<ResultsReported> report = broker.report(results, jobIds);
        assertThat(report.body().results()).extracting(JobResult::jobId).containsExactlyElementsOf(jobIds);
        assertThat(report.body().results()).extracting(r -> r.result().category())
                .containsExactly(Category.MALICIOUS, Category.UNDETECTED, Category.FAILURE);
        assertThat(report.message().getMessageProperties().getReceivedRoutingKey()).isEqualTo("probe.clamav");
        // the brain (probe.*) and the frontends (#) each get the same single report
        for (String queue : List.of(Topology.BRAIN_RESULTS_QUEUE, Topology.FRONTEND_RESULTS_QUEUE)) {
            assertThat(broker.report(queue, jobIds).body()).isEqualTo(report.body());
            assertThat(broker.poll(queue)).as("a second message on " + queue).isNull();
        }
        assertThat(broker.poll(results)).as("a second report").isNull();
        assertThat(broker.ready(JOBS)).isZero();
    }

    @Test
    void aJobPastItsDeadlineIsDroppedWhileTheOthersOfItsBatchAreAnswered() {
        ProbeJob late = job(put("late " + UUID.randomUUID()), Instant.now().minusSeconds(1));
        ProbeJob onTime = job(put(EICAR), Instant.now().plusSeconds(60));

        broker.send(new ScanFiles("clamav", List.of(late, onTime)));

        ResultsReported report = broker.report(results, List.of(late.jobId(), onTime.jobId())).body();
        assertThat(report.results()).singleElement().satisfies(result -> {
            assertThat(result.jobId()).isEqualTo(onTime.jobId());
            assertThat(result.result().category()).isEqualTo(Category.MALICIOUS);
        });
        assertThat(broker.ready(JOBS)).isZero();
    }

    @Test
    void anUnreadableMessageIsParkedInTheDeadLettersAtOnceAndTheNextBatchIsStillScanned() {
        String messageId = UUID.randomUUID().toString();
        Message unreadable = MessageBuilder.withBody("{\"probe\": \"clamav\", \"jobs\": [".getBytes(
                        StandardCharsets.UTF_8))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setHeader(MessageTypes.TYPE_HEADER, "ScanFiles")
                .setMessageId(messageId)
                .build();
        ProbeJob next = job(put(EICAR), Instant.now().plusSeconds(60));

        broker.send(Topology.PROBE_EXCHANGE, "clamav", unreadable);
        broker.send(batch(next));

        Message parked = broker.receiveRaw(Topology.DEAD_LETTER_QUEUE,
                m -> messageId.equals(m.getMessageProperties().getMessageId()));
        assertThat(parked.getBody()).isEqualTo(unreadable.getBody());
        assertThat(parked.getMessageProperties().getHeaders())
                .containsEntry(DeadLetters.QUEUE, JOBS)
                .containsEntry(DeadLetters.EXCHANGE, Topology.PROBE_EXCHANGE)
                .containsEntry(DeadLetters.ROUTING_KEY, "clamav")
                .containsEntry(DeadLetters.FAILURES, 1)
                .containsEntry(DeadLetters.PROCESS, "argus-probe")
                .containsKeys(DeadLetters.ID, DeadLetters.PARKED_AT);
        assertThat((String) parked.getMessageProperties().getHeader(DeadLetters.ERROR)).startsWith("unreadable");
        assertThat(onlyResult(broker.report(results, List.of(next.jobId())).body()).result().category())
                .isEqualTo(Category.MALICIOUS);
        assertThat(broker.ready(JOBS)).isZero();
    }

    @Test
    void aBatchWithoutJobsOrAJobWithoutFileIsParkedAtOnce() {
        ProbeJob withoutFile = new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), null, "clamav", "text/plain", 1,
                false, Instant.now().plusSeconds(60));
        Message empty = message(new ScanFiles("clamav", List.of()));
        Message noFile = message(new ScanFiles("clamav", List.of(withoutFile)));
        Message notABatch = message(new ProbeRegistered("someone", List.of(), false, Instant.now()));

        for (Message message : List.of(empty, noFile, notABatch)) {
            broker.send(Topology.PROBE_EXCHANGE, "clamav", message);
        }

        assertThat(List.of(empty, noFile, notABatch)).map(message -> (String) broker.receiveRaw(
                        Topology.DEAD_LETTER_QUEUE, m -> message.getMessageProperties().getMessageId()
                                .equals(m.getMessageProperties().getMessageId()))
                .getMessageProperties().getHeader(DeadLetters.ERROR))
                .containsExactly("a ScanFiles without jobs", "a job without jobId or sha256",
                        "a ProbeRegistered, not a ScanFiles");
    }

    @Test
    void registersWithTheBrainAndHeartbeatsFollow() {
        ProbeRegistered registered = broker.receive(Topology.PROBES_QUEUE, ProbeRegistered.class,
                r -> r.instanceId().equals(instanceId.value()) && !r.heartbeat()).body();
        ProbeRegistered heartbeat = broker.receive(Topology.PROBES_QUEUE, ProbeRegistered.class,
                h -> h.instanceId().equals(instanceId.value()) && h.heartbeat()).body();

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

    private Message message(Object payload) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        return converter.toMessage(payload, properties);
    }

    private String put(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        String sha256 = sha256(bytes);
        store.store(sha256, new ByteArrayInputStream(bytes));
        return sha256;
    }

    private static ProbeJob job(String sha256, Instant deadline) {
        return new ProbeJob(UUID.randomUUID(), UUID.randomUUID(), sha256, "clamav", "text/plain", 1, false,
                deadline);
    }

    private static ScanFiles batch(ProbeJob job) {
        return new ScanFiles("clamav", List.of(job));
    }

    private static JobResult onlyResult(ResultsReported report) {
        assertThat(report.results()).hasSize(1);
        return report.results().getFirst();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
