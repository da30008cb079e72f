package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import dev.argus.common.amqp.Topology;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.web.ApiException;
import dev.argus.messaging.MessagePublisher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The message flow of results into the frontend against real PostgreSQL, RabbitMQ and FTP: the test plays the probes
 * and the brain (it publishes {@code ResultsReported} to {@code argus.results}) and other frontends (it publishes
 * {@code ScanProgressed} to {@code argus.live}). The probe directory is written straight into the frontend's copy
 * (probes {@value #CLAMAV} and {@value #YARA}). Shares the application context of the security tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AbstractMessageFlowIntegrationTests {

    static final String CLAMAV = "clamav";
    static final String YARA = "yara";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    MessagePublisher publisher;
    @Autowired
    ProbeDirectory probeDirectory;

    ArgusTestClient http;

    @BeforeEach
    void knowTheProbes() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        TestFixtures.markProbeOnline(jdbc, CLAMAV);
        TestFixtures.markProbeOnline(jdbc, YARA);
        // the upload path reads the directory from a snapshot up to a second old
        await().until(() -> resolves(List.of(CLAMAV, YARA)));
    }

    private boolean resolves(List<String> probes) {
        try {
            return probeDirectory.resolve(probes).equals(probes);
        } catch (ApiException e) {
            return false;
        }
    }

    /** Marks the probe online as an extractor and waits until the probe directory describes it. */
    void markExtractorOnline(String name) {
        TestFixtures.markProbeOnline(jdbc, name);
        jdbc.sql("update probe set category = 'extractor' where name = ?").param(name).update();
        await().until(() -> probeDirectory.describesOnly(name));
    }

    /** Uploads the files (unique contents) to be scanned with the probes; the new scan's id. */
    UUID upload(String probes, byte[]... contents) {
        Multipart form = new Multipart().field("probes", probes);
        for (int i = 0; i < contents.length; i++) {
            form.file("flow-" + i + ".bin", contents[i]);
        }
        HttpResponse<String> response = http.upload(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode scan = json(response);
        assertThat(scan.get("status").asString()).isEqualTo("queued");
        return UUID.fromString(scan.get("id").asString());
    }

    JsonNode scan(UUID id) {
        HttpResponse<String> response = http.get("/api/v1/scans/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    String status(UUID id) {
        return scan(id).get("status").asString();
    }

    /** The scan's result of the probe for the file, as the API shows it (a missing node when there is none). */
    JsonNode result(UUID id, String sha256, String probe) {
        for (JsonNode file : scan(id).get("files")) {
            if (file.get("sha256").asString().equals(sha256)) {
                return file.get("results").path(probe);
            }
        }
        throw new AssertionError("scan " + id + " has no file " + sha256);
    }

    /** The rows stored for the scan in scan_result. */
    long storedResults(UUID id) {
        return jdbc.sql("select count(*) from scan_result where scan_id = ?").param(id).query(Long.class).single();
    }

    /** Opens the scan's live stream; its lines are collected, the future completes with the status when it ends. */
    CompletableFuture<Integer> openStream(UUID id, List<String> lines) {
        HttpRequest request = http.authorized(HttpRequest.newBuilder(http.uri("/api/v1/scans/" + id + "/events"))
                .header("Accept", "text/event-stream")).build();
        CompletableFuture<Integer> stream = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApplyAsync(response -> {
                    response.body().forEach(lines::add);
                    return response.statusCode();
                });
        await().until(() -> lines.contains("event:scan"));
        return stream;
    }

    static byte[] unique() {
        return AbstractFrontendIntegrationTests.uniqueContent();
    }

    static String sha256(byte[] content) {
        return AbstractFrontendIntegrationTests.sha256(content);
    }
}
