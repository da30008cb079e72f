package dev.argus.e2e;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The clamd front door of the packaged frontend, with a real clamav probe behind it: Debian's
 * {@code clamdscan --stream}, pointed at the front door, exits 1 and names Argus's detection for EICAR, and exits 0
 * for a clean file; the scans show in the API under the configured user with the tag {@code clamd}.
 */
class ClamdFrontDoorEndToEndTests {

    static ArgusStack stack;
    static int clamdPort;

    @BeforeAll
    static void startArgus() throws Exception {
        clamdPort = freePort();
        stack = ArgusStack.start("clamd", List.of("clamav"), "--argus.frontdoor.clamd.port=" + clamdPort,
                "--argus.frontdoor.clamd.username=admin");
    }

    @AfterAll
    static void stopArgus() throws InterruptedException {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void clamdscanThroughArgusExitsOneOnEicarNamingTheDetectionAndZeroOnACleanFile() throws Exception {
        Path dir = Files.createTempDirectory("argus-e2e-clamdscan");
        Path config = Files.writeString(dir.resolve("clamd.conf"),
                "TCPSocket " + clamdPort + "\nTCPAddr 127.0.0.1\n");
        Path eicar = Files.write(dir.resolve("eicar.com"), PipelineEndToEndTests.EICAR);
        Path clean = Files.write(dir.resolve("clean.txt"),
                ("a clean file for the clamd front door " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        Run malicious = clamdscan(config, eicar);
        Run harmless = clamdscan(config, clean);

        assertThat(malicious.exit()).as(malicious.output()).isEqualTo(1);
        assertThat(malicious.output()).containsPattern(
                java.util.regex.Pattern.quote(eicar.toString()) + ": Argus\\.clamav\\.\\S+ FOUND");
        assertThat(harmless.exit()).as(harmless.output()).isZero();
        assertThat(harmless.output()).contains(clean + ": OK");

        JsonNode scans = json(stack.api.get("/api/v1/scans?size=10"));
        List<JsonNode> viaClamd = scans.path("items").valueStream()
                .filter(scan -> scan.path("tags").toString().equals("[\"clamd\"]")).toList();
        assertThat(viaClamd).hasSize(2);
        assertThat(viaClamd).allSatisfy(scan -> assertThat(scan.path("status").asString()).isEqualTo("finished"));
    }

    record Run(int exit, String output) {
    }

    static Run clamdscan(Path config, Path file) throws Exception {
        Process process = new ProcessBuilder("clamdscan", "--config-file=" + config, "--stream", "--no-summary",
                file.toString()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
