package dev.argus.e2e;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * VirusTotal's Python client vt-py against the whole pipeline with a real ClamAV: the requests vt-py sent to scan
 * EICAR and read its file object (recorded by the frontend module's VtPyRecording, in
 * frontend/src/test/resources/vt/vt-py-eicar) are replayed byte for byte, with only the Host header's port, the
 * API key and the analysis id put in. The analysis vt-py waits for comes back completed with ClamAV's detection.
 */
class VirusTotalEndToEndTests {

    static final Path RECORDING = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("frontend/src/test/resources/vt/vt-py-eicar");
    static final String RECORDED_KEY = "argus-test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    static ArgusStack stack;

    @BeforeAll
    static void startArgus() throws Exception {
        stack = ArgusStack.start("vt", java.util.List.of("clamav"));
    }

    @AfterAll
    static void stopArgus() throws InterruptedException {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void vtPysRecordedEicarScanComesBackMaliciousFromClamav() throws Exception {
        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(RECORDING.resolve("recording.properties"))) {
            recorded.load(in);
        }
        URI base = URI.create(stack.baseUrl());
        String host = base.getHost() + ":" + base.getPort();
        String recordedAnalysis = recorded.getProperty("analysis");
        String sha256 = recorded.getProperty("sha256");

        JsonNode uploadUrl = replay("01", recorded.getProperty("host"), host, recordedAnalysis, null);
        assertThat(uploadUrl.get("data").asString()).isEqualTo(stack.baseUrl() + "/api/v3/files/upload");
        JsonNode descriptor = replay("02", recorded.getProperty("host"), host, recordedAnalysis, null);
        assertThat(descriptor.get("data").get("type").asString()).isEqualTo("analysis");
        String analysis = descriptor.get("data").get("id").asString();
        JsonNode firstPoll = replay("03", recorded.getProperty("host"), host, recordedAnalysis, analysis);
        assertThat(firstPoll.get("data").get("attributes").get("status").asString())
                .isIn("queued", "in-progress", "completed");

        stack.api.awaitFinished(analysis, Duration.ofMinutes(2));
        JsonNode completed = replay("04", recorded.getProperty("host"), host, recordedAnalysis, analysis);
        JsonNode attributes = completed.get("data").get("attributes");
        assertThat(attributes.get("status").asString()).isEqualTo("completed");
        assertThat(attributes.get("stats").get("malicious").asInt()).isEqualTo(1);
        JsonNode clamav = attributes.get("results").get("clamav");
        assertThat(clamav.get("category").asString()).isEqualTo("malicious");
        assertThat(clamav.get("result").asString()).containsIgnoringCase("eicar");
        assertThat(clamav.get("engine_version").asString()).isNotBlank();
        assertThat(completed.get("meta").get("file_info").get("sha256").asString()).isEqualTo(sha256);

        JsonNode file = replay("05", recorded.getProperty("host"), host, recordedAnalysis, analysis).get("data");
        assertThat(file.get("type").asString()).isEqualTo("file");
        assertThat(file.get("id").asString()).isEqualTo(sha256);
        assertThat(file.get("attributes").get("last_analysis_stats").get("malicious").asInt()).isEqualTo(1);
        assertThat(file.get("attributes").get("argus_verdict").get("label").asString()).isEqualTo("malicious");
        assertThat(json(stack.api.get("/api/v1/files/" + sha256)).get("results").get("clamav").get("category")
                .asString()).isEqualTo("malicious");
    }

    /** Sends the recorded request {@code number} with the substitutions in its head; the 200 JSON answer. */
    private static JsonNode replay(String number, String recordedHost, String host, String recordedAnalysis,
                                   String analysis) throws IOException {
        byte[] raw = Files.readAllBytes(RECORDING.resolve(number + "-request.http"));
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1)
                .replace(recordedHost, host).replace(RECORDED_KEY, ArgusStack.ADMIN_KEY);
        if (analysis != null) {
            head = head.replace(recordedAnalysis, analysis);
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(stack.baseUrl()).getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(raw, headEnd, raw.length - headEnd);
            out.flush();
            InputStream in = socket.getInputStream();
            String responseHead = readHead(in);
            assertThat(responseHead).as(number).startsWith("HTTP/1.1 200");
            assertThat(responseHead.toLowerCase()).contains("content-type: application/json");
            int length = Integer.parseInt(responseHead.lines()
                    .filter(line -> line.toLowerCase().startsWith("content-length:"))
                    .findFirst().orElseThrow().substring("content-length:".length()).strip());
            return JsonMapper.builder().build().readTree(in.readNBytes(length));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the response ended inside its head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no end of head in the recorded request");
    }
}
