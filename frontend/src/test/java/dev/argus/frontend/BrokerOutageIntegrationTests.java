package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.sha256;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.uniqueContent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The frontend with its broker unreachable (nothing listens on port 1): a request that must publish is refused
 * with 503 and {@code Retry-After}, and its database transaction is rolled back, so nothing is half-stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.rabbitmq.port=1")
@ActiveProfiles("test")
class BrokerOutageIntegrationTests {

    static final Path UPLOADS = TestFixtures.uploadDirectory("argus-frontend-outage-uploads");

    @DynamicPropertySource
    static void uploadDirectory(DynamicPropertyRegistry registry) {
        registry.add("argus.upload.temp-dir", UPLOADS::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ArgusTestClient http;

    @BeforeEach
    void knowAProbe() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        // the brain cannot publish the directory without a broker: write the copy directly
        TestFixtures.markProbeOnline(jdbc, "outage");
    }

    @Test
    void refusesAnUploadWith503AndStoresNoRowWhenTheBrokerIsDown() {
        byte[] content = uniqueContent();
        long scansBefore = countScans();

        HttpResponse<String> response = http.upload(new Multipart()
                .file("a.bin", content).field("probes", "outage"));

        assertProblem(response, 503, "service-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(countScans()).isEqualTo(scansBefore);
        assertThat(jdbc.sql("select count(*) from file where sha256 = ?").param(sha256(content))
                .query(Long.class).single()).isZero();
        TestFixtures.assertNoFilesIn(UPLOADS);
    }

    @Test
    void refusesACancelWith503AndKeepsTheScanQueuedWhenTheBrokerIsDown() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into scan (id, status, created_at, force, probes, tags, metadata, total, done)
                values (?, 'queued', now(), false, '{outage}', '{}', '{}', 1, 0)
                """).param(id).update();

        assertProblem(http.post("/api/v1/scans/" + id + "/cancel"), 503, "service-unavailable");

        assertThat(jdbc.sql("select status from scan where id = ?").param(id).query(String.class).single())
                .isEqualTo("queued");
    }

    private long countScans() {
        return jdbc.sql("select count(*) from scan").query(Long.class).single();
    }
}
