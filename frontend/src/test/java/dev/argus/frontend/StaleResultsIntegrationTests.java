package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.MessagePublisher;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Stale results (docs/api.md#stale-results), against real PostgreSQL, RabbitMQ and FTP; the test plays the brain and
 * the probe. A result made with signatures 27800 is fresh while the probe reports 27800 and marked
 * {@code "stale": true} in the file report and the scan once the probe reports 27801; a new scan of the file does not
 * reuse it. Same settings as {@link PriorityIntegrationTests}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.priority.bulk-files=2", "argus.priority.max-bulk-backlog=5",
                "argus.priority.retry-after=17s"})
@ActiveProfiles("test")
class StaleResultsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    MessagePublisher publisher;

    ArgusTestClient http;

    @BeforeEach
    void actAsBrain() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
    }

    @Test
    void aResultOfOlderSignaturesIsMarkedStaleAndNotReused() {
        DirectoryMessages.publish(rabbit, http, DirectoryMessages.probe("clamav", "27800", null));
        byte[] content = AbstractFrontendIntegrationTests.uniqueContent();
        String sha256 = AbstractFrontendIntegrationTests.sha256(content);
        UUID scanId = submit(content, "a.bin");
        // the probe answers with engine 1.4.6, signatures 27800 (ResultMessages.engine)
        ResultMessages.publishFromProbe(publisher, "clamav",
                ResultMessages.answer(scanId, sha256, "clamav", Category.UNDETECTED, null));
        await().until(() -> json(http.get("/api/v1/scans/" + scanId)).get("status").asString().equals("finished"));

        assertThat(fileResult(sha256).get("stale").asBoolean()).isFalse();
        assertThat(scanResult(scanId).get("stale").asBoolean()).isFalse();

        DirectoryMessages.publish(rabbit, http, DirectoryMessages.probe("clamav", "27801", null));

        JsonNode stale = fileResult(sha256);
        assertThat(stale.get("stale").asBoolean()).isTrue();
        assertThat(stale.get("signatureVersion").asString()).isEqualTo("27800");
        assertThat(scanResult(scanId).get("stale").asBoolean()).isTrue();
        UUID again = submit(content, "again.bin");
        assertThat(json(http.get("/api/v1/scans/" + again)).get("status").asString())
                .as("not answered from the stale result: sent to the brain").isEqualTo("queued");

        DirectoryMessages.publish(rabbit, http, DirectoryMessages.probe("clamav", "27800", null));
        assertThat(fileResult(sha256).get("stale").asBoolean()).as("versions as the result's again").isFalse();
    }

    private UUID submit(byte[] content, String name) {
        HttpResponse<String> response = http.upload(new Multipart().file(name, content).field("probes", "clamav"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID id = UUID.fromString(json(response).get("id").asString());
        Object requested = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 5000);
        assertThat(requested).isInstanceOf(ScanRequested.class);
        assertThat(((ScanRequested) requested).scanId()).isEqualTo(id);
        return id;
    }

    private JsonNode fileResult(String sha256) {
        return json(http.get("/api/v1/files/" + sha256)).get("results").get("clamav");
    }

    private JsonNode scanResult(UUID scanId) {
        return json(http.get("/api/v1/scans/" + scanId)).get("files").get(0).get("results").get("clamav");
    }
}
