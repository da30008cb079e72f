package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.probe;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.store.FileStore;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
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
 * The request-wide upload limits against the real broker, database and FTP store: a cap on the bytes of one request
 * (3KB here, with files of at most 1KB), a body deadline of 2 s, and at most 3 (file, probe) jobs per scan. Each
 * refusal stores nothing, queues nothing and leaves no spooled file behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.upload.max-file-size=1KB", "argus.upload.max-request-size=3KB",
                "argus.upload.request-deadline=2s", "argus.upload.max-jobs-per-scan=3"})
@ActiveProfiles("test")
class UploadLimitsIntegrationTests {

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

    ArgusTestClient http;

    @BeforeEach
    void twoProbesOnline() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        String seed = UUID.randomUUID().toString();
        List<ProbeStatus> probes = Stream.of(probe("clamav", true), probe("yara", true))
                .map(p -> new ProbeStatus(new ProbeDescriptor(p.probe().name(), p.probe().displayName(),
                        p.probe().category(), seed, p.probe().engineVersion(), p.probe().signatureVersion(), null,
                        60_000), true, 1, Instant.now()))
                .toList();
        rabbit.convertAndSend(Topology.FRONTEND_EXCHANGE, Topology.DIRECTORY_KEY,
                new ProbeDirectoryUpdated(probes, Instant.now()));
        await().untilAsserted(() -> assertThat(json(http.get("/api/v1/probes")).valueStream()
                .filter(p -> seed.equals(p.get("version").asString())).count()).isEqualTo(2));
    }

    @Test
    void refusesARequestAnnouncingMoreThanTheRequestLimitWith413BeforeReadingIt() {
        List<byte[]> files = distinctFiles(4, 1000); // each under the file limit, 4KB together
        long scansBefore = countScans();

        HttpResponse<String> response = http.upload(form(files));

        assertProblem(response, 413, "request-too-large");
        assertThat(json(response).get("maxRequestSize").asLong()).isEqualTo(3 * 1024);
        assertNothingKept(files, scansBefore);
    }

    @Test
    void cutsAChunkedRequestAtTheRequestLimitWhileStreamingWith413() {
        List<byte[]> files = distinctFiles(4, 1000);
        long scansBefore = countScans();

        HttpResponse<String> response = http.uploadStreamed(form(files)); // no Content-Length to refuse up front

        assertProblem(response, 413, "request-too-large");
        assertNothingKept(files, scansBefore);
    }

    @Test
    void cutsASlowBodyAtTheRequestDeadline() throws Exception {
        byte[] file = distinctFiles(1, 1000).getFirst();
        Multipart form = new Multipart().file("slow.bin", file);
        byte[] body = form.body();
        long scansBefore = countScans();

        String status;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/scans HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + TestKeys.ADMIN_KEY + "\r\nContent-Type: " + form.contentType()
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // 10 bytes every 100 ms: the whole body would take ~11 s, five times the 2 s deadline
            try {
                for (int at = 0; at < body.length - 1; at += 10) {
                    out.write(body, at, Math.min(10, body.length - 1 - at));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException cut) {
                // the server answered and closed while we were still sending
            }
            status = firstLine(socket.getInputStream());
        }

        // the last byte was never sent, so anything but a cut read would hang until the socket timeout
        assertThat(status).startsWith("HTTP/1.1 408");
        assertNothingKept(List.of(file), scansBefore);
    }

    @Test
    void refusesAnUploadOverTheJobsPerScanBoundWith413() {
        List<byte[]> files = distinctFiles(2, 100); // 2 files × 2 online probes = 4 jobs > 3
        long scansBefore = countScans();

        HttpResponse<String> response = http.upload(form(files));

        assertProblem(response, 413, "too-many-jobs");
        assertThat(json(response).get("maxJobs").asInt()).isEqualTo(3);
        assertNothingKept(files, scansBefore);
    }

    @Test
    void refusesARescanOverTheJobsPerScanBoundWith413() {
        List<byte[]> files = distinctFiles(2, 100);
        for (byte[] file : files) { // 2 jobs each: within the bound
            assertThat(http.upload(new Multipart().file("one.bin", file)).statusCode()).isEqualTo(202);
        }
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        long scansBefore = countScans();

        HttpResponse<String> response = http.postJson("/api/v1/scans",
                "{\"sha256\":[\"" + sha256(files.get(0)) + "\",\"" + sha256(files.get(1)) + "\"],\"force\":true}");

        assertProblem(response, 413, "too-many-jobs");
        assertThat(countScans()).isEqualTo(scansBefore);
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
    }

    private void assertNothingKept(List<byte[]> files, long scansBefore) {
        for (byte[] file : files) {
            String sha256 = sha256(file);
            assertThat(jdbc.sql("select count(*) from file where sha256 = ?").param(sha256).query(Long.class)
                    .single()).isZero();
            assertThat(fileStore.exists(sha256)).isFalse();
        }
        assertThat(countScans()).isEqualTo(scansBefore);
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
        await().untilAsserted(() -> {
            try (Stream<Path> left = Files.list(UPLOADS)) {
                assertThat(left).isEmpty();
            }
        });
    }

    private long countScans() {
        return jdbc.sql("select count(*) from scan").query(Long.class).single();
    }

    private static Multipart form(List<byte[]> files) {
        Multipart form = new Multipart();
        for (int i = 0; i < files.size(); i++) {
            form.file("part-" + i + ".bin", files.get(i));
        }
        return form;
    }

    private static List<byte[]> distinctFiles(int count, int size) {
        Random random = new Random();
        return Stream.generate(() -> {
            byte[] content = new byte[size];
            random.nextBytes(content);
            return content;
        }).limit(count).toList();
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).trim();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("argus-upload-limits-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
