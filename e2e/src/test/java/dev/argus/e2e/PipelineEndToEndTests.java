package dev.argus.e2e;

import static dev.argus.testsupport.ArgusTestClient.json;
import static dev.argus.testsupport.ArgusTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Frontend, brain and probe as three processes over the real RabbitMQ, PostgreSQL, FTP server and clamd,
 * driven like a user's script drives them. The probe runs the two antivirus engines of
 * {@link TestEnvironment#PROBES} (clamav through clamd, clamscan through the command-line engine), so every file
 * gets exactly two results. The crash tests come last because they
 * restart processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTests {

    static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
            .getBytes(StandardCharsets.US_ASCII);
    static final String EICAR_MD5 = "44d88612fea8a8f36de82e1278abb02f";
    static final long SIZE_LIMIT_MB = 160;
    static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);
    static final Map<String, String> PIPELINE_PROBES = Map.of("probes", String.join(",", TestEnvironment.PROBES));

    static ArgusStack stack;
    static ArgusProcess brain;
    static ArgusProcess probe;
    static ArgusTestClient api;
    static Path probeWorkDir;

    @BeforeAll
    static void startArgus() throws Exception {
        stack = ArgusStack.start("pipeline", TestEnvironment.PROBES,
                "--argus.upload.max-file-size=" + SIZE_LIMIT_MB + "MB");
        brain = stack.brain;
        probe = stack.probe;
        api = stack.api;
        probeWorkDir = stack.probeWorkDir;
    }

    @AfterAll
    static void stopArgus() throws InterruptedException {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void scansEicarAsMaliciousWithEngineAndSignatureVersion() throws Exception {
        HttpResponse<String> accepted = api.uploadStreamed(Upload.form(PIPELINE_PROBES).file("eicar.com", EICAR));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(header(accepted, "Location")).isEqualTo("/api/v1/scans/" + json(accepted).path("id").asString());
        JsonNode scan = api.awaitFinished(json(accepted).path("id").asString(), SCAN_TIMEOUT);

        assertThat(scan.path("status").asString()).isEqualTo("finished");
        JsonNode file = scan.path("files").get(0);
        assertThat(file.path("md5").asString()).isEqualTo(EICAR_MD5);
        assertThat(file.path("name").asString()).isEqualTo("eicar.com");
        for (String probe : TestEnvironment.PROBES) {
            JsonNode result = file.path("results").path(probe);
            assertThat(result.path("category").asString()).as(probe).isEqualTo("malicious");
            assertThat(result.path("result").asString()).as(probe).contains("Eicar");
            assertThat(result.path("engineVersion").asString()).as(probe).matches("\\d+\\.\\d+.*");
            assertThat(result.path("signatureVersion").asString()).as(probe).isNotBlank();
        }
        assertThat(file.path("stats").path("malicious").asInt()).isEqualTo(TestEnvironment.PROBES.size());
    }

    @Test
    @Order(2)
    void scansACleanAndAnEmptyFileAsUndetected() throws Exception {
        byte[] clean = ("a harmless text file " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = api.uploadStreamed(Upload.form(PIPELINE_PROBES)
                .file("notes.txt", clean)
                .file("empty.bin", new byte[0]));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode scan = api.awaitFinished(json(accepted).path("id").asString(), SCAN_TIMEOUT);

        int expected = 2 * TestEnvironment.PROBES.size();
        assertThat(scan.path("progress").path("total").asInt()).isEqualTo(expected);
        assertThat(scan.path("progress").path("done").asInt()).isEqualTo(expected);
        for (JsonNode file : scan.path("files")) {
            for (String probe : TestEnvironment.PROBES) {
                assertThat(file.path("results").path(probe).path("category").asString())
                        .as(file.path("name").asString() + " by " + probe).isEqualTo("undetected");
            }
        }
    }

    @Test
    @Order(3)
    void listsClamavOnlineWithItsVersionsAndFindsTheFileByMd5() throws Exception {
        HttpResponse<String> probes = api.get("/api/v1/probes");
        JsonNode clamav = null;
        for (JsonNode each : json(probes)) {
            if ("clamav".equals(each.path("name").asString())) {
                clamav = each;
            }
        }
        assertThat(clamav).isNotNull();
        assertThat(clamav.path("online").asBoolean()).isTrue();
        assertThat(clamav.path("instances").asInt()).isEqualTo(1);
        assertThat(clamav.path("category").asString()).isEqualTo("antivirus");

        HttpResponse<String> report = api.get("/api/v1/files/" + EICAR_MD5.toUpperCase());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(json(report).path("results").path("clamav").path("category").asString()).isEqualTo("malicious");
        assertThat(json(report).path("names").toString()).contains("eicar.com");
    }

    @Test
    @Order(4)
    void reusesTheStoredResultForAKnownFileUnlessForced() throws Exception {
        JsonNode cached = api.awaitFinished(json(api.uploadStreamed(Upload.form(PIPELINE_PROBES).file("again.com", EICAR)))
                .path("id").asString(), SCAN_TIMEOUT);
        assertThat(cached.path("files").get(0).path("results").path("clamav").path("cached").asBoolean()).isTrue();

        Map<String, String> forcedFields = new java.util.HashMap<>(PIPELINE_PROBES);
        forcedFields.put("force", "true");
        JsonNode forced = api.awaitFinished(json(api.uploadStreamed(Upload.form(forcedFields).file("again.com", EICAR)))
                .path("id").asString(), SCAN_TIMEOUT);
        JsonNode result = forced.path("files").get(0).path("results").path("clamav");
        assertThat(result.path("cached").asBoolean()).isFalse();
        assertThat(result.path("category").asString()).isEqualTo("malicious");
    }

    @Test
    @Order(5)
    void answersBadInputWithProblemDetails() throws Exception {
        HttpResponse<String> bogusHash = api.get("/api/v1/files/not-a-hash");
        assertThat(bogusHash.statusCode()).isEqualTo(400);
        assertThat(header(bogusHash, "Content-Type")).startsWith("application/problem+json");

        HttpResponse<String> unknownProbe = api.uploadStreamed(Upload.form(Map.of("probes", "clamav,nosuchengine"))
                .file("eicar.com", EICAR));
        assertThat(unknownProbe.statusCode()).isEqualTo(400);
        assertThat(header(unknownProbe, "Content-Type")).startsWith("application/problem+json");
        assertThat(json(unknownProbe).path("detail").asString()).contains("nosuchengine");

        HttpResponse<String> unknownScan = api.get("/api/v1/scans/" + UUID.randomUUID());
        assertThat(unknownScan.statusCode()).isEqualTo(404);
        assertThat(header(unknownScan, "Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @Order(6)
    void rejectsAFileOverTheSizeLimitWith413AndStoresNothing() throws Exception {
        long seed = System.nanoTime();
        HttpResponse<String> tooLarge = api.uploadStreamed(Upload.form(Map.of())
                .file("huge.bin", Upload.randomBytes(SIZE_LIMIT_MB * 1024 * 1024 + 1, seed)));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(header(tooLarge, "Content-Type")).startsWith("application/problem+json");
        assertThat(json(tooLarge).path("detail").asString()).contains(String.valueOf(SIZE_LIMIT_MB));
        assertThat(TestEnvironment.queryLong("SELECT count(*) FROM frontend.file WHERE size > ?",
                SIZE_LIMIT_MB * 1024 * 1024)).isZero();
    }

    @Test
    @Order(7)
    void redeliversTheJobWhenTheProbeIsKilledMidScan() throws Exception {
        HttpResponse<String> accepted = api.uploadStreamed(Upload.form(PIPELINE_PROBES)
                .file("large.bin", Upload.randomBytes((SIZE_LIMIT_MB - 10) * 1024 * 1024, System.nanoTime())));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String scanId = json(accepted).path("id").asString();

        await("probe starts working on the job").atMost(SCAN_TIMEOUT).pollInterval(Duration.ofMillis(2))
                .until(() -> hasFiles(probeWorkDir));
        probe.kill();
        assertThat(json(api.get("/api/v1/scans/" + scanId)).path("status").asString())
                .as("the probe must be killed before the scan finishes; use a larger file")
                .isNotEqualTo("finished");

        probe.start();
        JsonNode scan = api.awaitFinished(scanId, Duration.ofSeconds(120));

        assertThat(scan.path("status").asString()).isEqualTo("finished");
        for (String probe : TestEnvironment.PROBES) {
            assertThat(scan.path("files").get(0).path("results").path(probe).path("category").asString())
                    .as(probe).isEqualTo("undetected");
        }
        assertExactlyOneResultPerFileAndProbe(scanId);
    }

    @Test
    @Order(8)
    void finishesAScanSubmittedWhileTheBrainIsDown() throws Exception {
        brain.kill();
        HttpResponse<String> accepted = api.uploadStreamed(Upload.form(PIPELINE_PROBES)
                .file("while-brain-down.txt", ("queued " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String scanId = json(accepted).path("id").asString();

        brain.start();
        JsonNode scan = api.awaitFinished(scanId, Duration.ofSeconds(120));

        assertThat(scan.path("status").asString()).isEqualTo("finished");
        for (String probe : TestEnvironment.PROBES) {
            assertThat(scan.path("files").get(0).path("results").path(probe).path("category").asString())
                    .as(probe).isEqualTo("undetected");
        }
        assertExactlyOneResultPerFileAndProbe(scanId);
    }

    /**
     * For a scan of one file: one job, done, and one stored result for each probe. The brain commits a job as
     * done just after the broker confirmed its report, so the frontend may finish the scan a moment before that
     * commit is visible: the job's status is awaited, the counts are not.
     */
    private static void assertExactlyOneResultPerFileAndProbe(String scanId) throws Exception {
        UUID id = UUID.fromString(scanId);
        long probes = TestEnvironment.PROBES.size();
        assertThat(TestEnvironment.queryLong("SELECT count(*) FROM brain.job WHERE scan_id = ?", id))
                .isEqualTo(probes);
        await("every job of the scan done in the brain").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(TestEnvironment.queryLong(
                        "SELECT count(DISTINCT probe) FROM brain.job WHERE scan_id = ? AND status = 'DONE'", id))
                        .isEqualTo(probes));
        assertThat(TestEnvironment.queryLong("SELECT count(*) FROM frontend.scan_result WHERE scan_id = ?", id))
                .isEqualTo(probes);
        assertThat(TestEnvironment.queryLong(
                "SELECT count(DISTINCT probe) FROM frontend.scan_result WHERE scan_id = ?", id))
                .isEqualTo(probes);
    }

    /** True once a downloaded file sits anywhere below the probe's work directory. */
    private static boolean hasFiles(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            return files.anyMatch(path -> Files.isRegularFile(path) && !path.getFileName().toString().endsWith(".lock"));
        }
    }

}
