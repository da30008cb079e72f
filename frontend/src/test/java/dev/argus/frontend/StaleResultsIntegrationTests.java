package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
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
class StaleResultsIntegrationTests extends AbstractBrainDoubleIntegrationTests {

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
        return submit(new Multipart().file(name, content).field("probes", "clamav")).scanId();
    }

    private JsonNode fileResult(String sha256) {
        return json(http.get("/api/v1/files/" + sha256)).get("results").get("clamav");
    }

    private JsonNode scanResult(UUID scanId) {
        return json(http.get("/api/v1/scans/" + scanId)).get("files").get(0).get("results").get("clamav");
    }
}
