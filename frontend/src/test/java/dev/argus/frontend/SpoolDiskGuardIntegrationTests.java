package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.Topology;
import dev.argus.common.store.FileStore;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
 * The free-disk floor of the upload spool on the real file system: the floor is set far above any disk's size
 * (1,000,000 TB), so the spool's file system is always "low" and every upload is refused with 503 before a byte is
 * spooled. (The floor crossed mid-upload is shown by {@code RequestBodyGuardTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.upload.min-free-disk=1000000TB"})
@ActiveProfiles("test")
class SpoolDiskGuardIntegrationTests {

    static final Path UPLOADS = createTempDirectory();

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

    @Test
    void refusesUploadsWith503AndRetryAfterWhileTheSpoolDiskIsBelowItsFloor() throws IOException {
        ArgusTestClient http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        byte[] content = ("disk guard " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long scansBefore = jdbc.sql("select count(*) from scan").query(Long.class).single();

        for (HttpResponse<String> response : new HttpResponse[] {
                http.upload(new Multipart().file("a.txt", content)),
                http.uploadStreamed(new Multipart().file("a.txt", content))}) {
            assertProblem(response, 503, "service-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains("disk space");
        }

        String sha256 = sha256(content);
        assertThat(fileStore.exists(sha256)).isFalse();
        assertThat(jdbc.sql("select count(*) from file where sha256 = ?").param(sha256).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from scan").query(Long.class).single()).isEqualTo(scansBefore);
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
        try (Stream<Path> left = Files.list(UPLOADS)) {
            assertThat(left).as("nothing was spooled").isEmpty();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("argus-spool-guard-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
