package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.probe;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The queue length limit of the deployment scripts on the real broker: {@code scripts/rabbitmq-users.sh}'s
 * {@code argus_rabbitmq_queue_limits} (what CI's services and, through the dead-letter policy, the docker broker
 * apply) is run against this test's vhost with a limit of 2 messages; every Argus queue then carries the policy, and
 * an upload whose {@code ScanRequested} the full {@code argus.brain.scans} refuses is answered 503 with nothing
 * recorded. Afterwards the policy is set back to its default limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QueueLimitIntegrationTests {

    private static final Path SCRIPT = Path.of("..", "scripts", "rabbitmq-users.sh").toAbsolutePath().normalize();

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.rabbitmq.virtual-host:/}")
    String vhost;

    ArgusTestClient http;

    @BeforeEach
    void limitEveryQueueToTwoMessages() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        rabbit.convertAndSend(Topology.FRONTEND_EXCHANGE, Topology.DIRECTORY_KEY, new ProbeDirectoryUpdated(
                List.of(probe("clamav", true)), Instant.now()));
        await().until(() -> http.probeOnline("clamav"));
        applyQueueLimits("2");
    }

    @AfterEach
    void restoreTheDefaultLimit() {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        applyQueueLimits("100000");
    }

    @Test
    void everyArgusQueueCarriesTheLimitPolicy() {
        Map<String, String> policies = run("rabbitmqctl", "-q", "list_queues", "-p", vhost, "--no-table-headers",
                "name", "policy").lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns[0].startsWith("argus."))
                .collect(Collectors.toMap(columns -> columns[0], columns -> columns.length > 1 ? columns[1] : ""));

        assertThat(policies).containsKeys(Topology.SCANS_QUEUE, Topology.FRONTEND_RESULTS_QUEUE,
                Topology.DIRECTORY_QUEUE, Topology.DEAD_LETTER_QUEUE);
        assertThat(policies).allSatisfy((queue, policy) -> assertThat(policy).as(queue).isEqualTo("argus-queue-limits"));
        assertThat(run("rabbitmqctl", "-q", "list_policies", "-p", vhost, "--no-table-headers"))
                .contains("argus-queue-limits").contains("\"max-length\":2").contains("reject-publish");
    }

    @Test
    void anUploadWhoseScanRequestedAFullQueueRefusesIsAnswered503AndRecordsNothing() {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> accepted = http.upload(new Multipart().file("fits.txt",
                    ("fits " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }
        long scansBefore = jdbc.sql("select count(*) from scan").query(Long.class).single();

        HttpResponse<String> refused = http.upload(new Multipart().file("refused.txt",
                ("refused " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));

        assertProblem(refused, 503, "service-unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.sql("select count(*) from scan").query(Long.class).single()).isEqualTo(scansBefore);
        assertThat(json(http.get("/api/v1/scans?limit=1")).toString()).doesNotContain("refused.txt");
        assertThat(amqpAdmin.getQueueInfo(Topology.SCANS_QUEUE).getMessageCount()).isEqualTo(2);
    }

    private void applyQueueLimits(String maxLength) {
        run("bash", "-c", "source \"$0\" && ARGUS_RABBITMQ_MAX_QUEUE_LENGTH=\"$2\" argus_rabbitmq_queue_limits \"$1\"",
                SCRIPT.toString(), vhost, maxLength);
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(Arrays.toString(command) + ": " + output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
