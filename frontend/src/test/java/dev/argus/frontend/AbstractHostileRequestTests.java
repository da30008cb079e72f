package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.store.FileStore;
import dev.argus.messaging.MessagePublisher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The frontend on real PostgreSQL, RabbitMQ and FTP, for requests a hostile or broken client sends. The test
 * plays the brain: it publishes a directory with two online probes (kept fresh for the whole class) and reads
 * what the frontend sends to {@code argus.brain.scans}. Uploads are limited to 64KB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.upload.max-file-size=64KB", "argus.frontend.directory-stale-after=1h"})
@ActiveProfiles("test")
abstract class AbstractHostileRequestTests {

    static final Path UPLOADS = TestFixtures.uploadDirectory("argus-frontend-hostile-uploads");

    @DynamicPropertySource
    static void uploadDirectory(DynamicPropertyRegistry registry) {
        registry.add("argus.upload.temp-dir", UPLOADS::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    FileStore fileStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessagePublisher publisher;

    RawHttp raw;
    ArgusTestClient http;

    @BeforeEach
    void actAsBrain() {
        raw = new RawHttp(port);
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        List<ProbeStatus> online = Stream.of("clamav", "yara").map(name -> new ProbeStatus(new ProbeDescriptor(name,
                name.toUpperCase(), ProbeCategory.ANTIVIRUS, "1", "1.4.6", null, null, 60_000), true, 1,
                Instant.now())).toList();
        rabbit.convertAndSend(Topology.FRONTEND_EXCHANGE, Topology.DIRECTORY_KEY,
                new ProbeDirectoryUpdated(online, Instant.now()));
        await().untilAsserted(() -> assertThat(http.get("/api/v1/probes").body()).contains("\"online\":true"));
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    void assertNoTempFilesLeft() {
        TestFixtures.assertNoFilesIn(UPLOADS);
    }

    /** A problem document with the status and slug; the detail is returned for further checks. */
    static String assertProblem(RawHttp.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        var problem = dev.argus.common.json.ArgusJson.mapper().readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:argus:problem:" + slug);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem.get("detail").asString();
    }

    static byte[] unique() {
        return ("hostile " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
