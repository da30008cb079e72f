package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.WorkClass;
import dev.argus.common.store.FileStore;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Work classes and backpressure at the API (docs/architecture.md#priorities), against real PostgreSQL, RabbitMQ and
 * FTP; the test plays the brain (it sends the directory with each engine's measured backlog and reads
 * {@code ScanRequested}). A scan of more than {@code argus.priority.bulk-files} (here 2) files, one asking
 * {@code priority=bulk} and a rescan are bulk; asking {@code interactive} does not raise a batch. Past
 * {@code argus.priority.max-bulk-backlog} (here 5) job batches on one engine, bulk submissions get 503
 * {@code engine-backlog} with {@code Retry-After} naming the engine, nothing stored; interactive ones get 202.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.priority.bulk-files=2", "argus.priority.max-bulk-backlog=5",
                "argus.priority.retry-after=17s"})
@ActiveProfiles("test")
class PriorityIntegrationTests extends AbstractBrainDoubleIntegrationTests {

    @Autowired
    FileStore fileStore;

    @BeforeEach
    void twoProbes() {
        directory(probe("clamav", 0L), probe("yara", null));
    }

    @Test
    void bulkSubmissionsPastAnEnginesBacklogGet503WhileInteractiveOnesGoThrough() {
        directory(probe("clamav", 6L), probe("yara", 0L));
        byte[] bulkContent = AbstractFrontendIntegrationTests.uniqueContent();

        HttpResponse<String> bulk = http.upload(new Multipart().file("bulk.bin", bulkContent)
                .field("priority", "bulk"));

        AbstractFrontendIntegrationTests.assertProblem(bulk, 503, "engine-backlog");
        assertThat(bulk.headers().firstValue("Retry-After")).contains("17");
        JsonNode problem = json(bulk);
        assertThat(problem.get("engine").asString()).isEqualTo("clamav");
        assertThat(problem.get("backlog").asLong()).isEqualTo(6);
        assertThat(problem.get("maxBulkBacklog").asLong()).isEqualTo(5);
        assertThat(problem.get("detail").asString()).contains("clamav");
        assertThat(rabbit.receive(Topology.SCANS_QUEUE, 500)).as("nothing sent to the brain").isNull();
        assertThat(fileStore.exists(AbstractFrontendIntegrationTests.sha256(bulkContent))).as("nothing stored")
                .isFalse();

        HttpResponse<String> interactive = http.upload(new Multipart()
                .file("interactive.bin", AbstractFrontendIntegrationTests.uniqueContent()));
        assertThat(interactive.statusCode()).as(interactive.body()).isEqualTo(202);
        assertThat(receive().workClass()).isEqualTo(WorkClass.INTERACTIVE);

        // a bulk submission to the engines that are not backed up goes through
        HttpResponse<String> elsewhere = http.upload(new Multipart().file("bulk.bin", bulkContent)
                .field("priority", "bulk").field("probes", "yara"));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(202);
        assertThat(receive().workClass()).isEqualTo(WorkClass.BULK);

        directory(probe("clamav", 5L), probe("yara", 0L)); // at the bound, not past it
        HttpResponse<String> drained = http.upload(new Multipart().file("bulk.bin", bulkContent)
                .field("priority", "bulk"));
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(202);
        assertThat(receive().workClass()).isEqualTo(WorkClass.BULK);
    }

    @Test
    void largeBatchesRescansAndClientsAskingForBulkAreBulkAndAClientCannotRaiseItsWork() {
        Multipart single = new Multipart().file("one.bin", AbstractFrontendIntegrationTests.uniqueContent());
        assertThat(submit(single).workClass()).isEqualTo(WorkClass.INTERACTIVE);

        Multipart asked = new Multipart().file("one.bin", AbstractFrontendIntegrationTests.uniqueContent())
                .field("priority", "BULK");
        assertThat(submit(asked).workClass()).isEqualTo(WorkClass.BULK);

        Multipart batch = new Multipart().field("priority", "interactive");
        List<byte[]> contents = AbstractFrontendIntegrationTests.uniqueContents(3);
        contents.forEach(content -> batch.file("batch.bin", content));
        assertThat(submit(batch).workClass()).as("3 files > argus.priority.bulk-files, whatever the client asks")
                .isEqualTo(WorkClass.BULK);

        HttpResponse<String> rescan = http.postJson("/api/v1/scans",
                "{\"sha256\":[\"" + AbstractFrontendIntegrationTests.sha256(contents.getFirst()) + "\"],"
                        + "\"force\":true}");
        assertThat(rescan.statusCode()).as(rescan.body()).isEqualTo(202);
        assertThat(receive().workClass()).isEqualTo(WorkClass.BULK);

        HttpResponse<String> bogus = http.upload(new Multipart()
                .file("one.bin", AbstractFrontendIntegrationTests.uniqueContent()).field("priority", "urgent"));
        AbstractFrontendIntegrationTests.assertProblem(bogus, 400, "invalid-field");
        assertThat(json(bogus).get("detail").asString()).contains("'priority'");
    }

    @Test
    void theProbeListShowsEachEnginesBacklog() {
        directory(probe("clamav", 42L), probe("yara", null));

        JsonNode probes = json(http.get("/api/v1/probes"));

        assertThat(probes.valueStream().filter(p -> p.get("name").asString().equals("clamav")).findFirst()
                .orElseThrow().get("backlog").asLong()).isEqualTo(42);
        assertThat(probes.valueStream().filter(p -> p.get("name").asString().equals("yara")).findFirst()
                .orElseThrow().get("backlog").isNull()).isTrue();
    }

    private void directory(ProbeStatus... probes) {
        DirectoryMessages.publish(rabbit, http, probes);
    }

    private static ProbeStatus probe(String name, Long backlog) {
        return DirectoryMessages.probe(name, null, backlog);
    }
}
