package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.json.ArgusJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Replays, byte for byte, the requests VirusTotal's Python client vt-py sent to Argus (recorded by
 * {@link VtPyRecording} under {@value VtPyRecording#RECORDING}): {@code scan_file(f,
 * wait_for_completion=True)} (upload URL, upload, two polls of the analysis) then {@code get_object("/files/<sha256>")}.
 * Only the Host header's port and the analysis id (a new scan's) are put in for the recorded ones. Each response is
 * read as vt-py reads it: 200 and {@code application/json} (else vt-py raises), {@code data} with type and id
 * ({@code Object.from_dict}), the upload URL it posts to, the analysis status it waits for ({@code completed}), and
 * the attributes it exposes; each response has the same fields as the recorded one.
 */
class VtPyReplayIntegrationTests extends AbstractVtIntegrationTests {

    private static final Path RECORDING = Path.of(VtPyRecording.RECORDING);
    private static final Set<String> VT_CATEGORIES = Set.of("malicious", "suspicious", "undetected", "harmless",
            "timeout", "confirmed-timeout", "failure", "type-unsupported");

    @Test
    void vtPysRecordedScanAndFileLookupWorkAgainstArgus() throws Exception {
        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(RECORDING.resolve("recording.properties"))) {
            recorded.load(in);
        }
        List<Path> requests = recordedRequests();
        assertThat(requests).as("upload_url, upload, two polls, the file object").hasSize(5);
        String sha256 = recorded.getProperty("sha256");
        Replay replay = new Replay(recorded.getProperty("host"), "127.0.0.1:" + port,
                recorded.getProperty("analysis"));

        JsonNode uploadUrl = replay.send(requests.get(0));
        URI url = URI.create(uploadUrl.get("data").asString());
        assertThat(url.getHost() + ":" + url.getPort()).isEqualTo("127.0.0.1:" + port);
        String uploadRequestLine = Files.readString(requests.get(1), StandardCharsets.ISO_8859_1).lines()
                .findFirst().orElseThrow();
        assertThat(uploadRequestLine).as("vt-py posts the file to the URL it was given")
                .isEqualTo("POST " + url.getPath() + " HTTP/1.1");

        JsonNode descriptor = replay.send(requests.get(1)).get("data");
        assertObject(descriptor, "analysis");
        String analysisId = descriptor.get("id").asString();
        replay.analysisId = analysisId;
        boolean queued = status(UUID.fromString(analysisId)).equals("queued");

        JsonNode firstPoll = replay.send(requests.get(2));
        assertAnalysis(firstPoll, analysisId, sha256);
        String firstStatus = firstPoll.get("data").get("attributes").get("status").asString();
        assertThat(firstStatus).isIn("queued", "in-progress", "completed");
        if (queued) {
            answer(UUID.fromString(analysisId), "Argus-Replay-Signature");
            await().until(() -> status(UUID.fromString(analysisId)).equals("finished"));
        }

        JsonNode completed = replay.send(requests.get(3));
        assertAnalysis(completed, analysisId, sha256);
        JsonNode attributes = completed.get("data").get("attributes");
        assertThat(attributes.get("status").asString()).as("what vt-py waits for").isEqualTo("completed");
        assertThat(attributes.get("results").size()).isPositive();
        assertThat(attributes.get("stats").get("malicious").asInt()).isEqualTo(1);

        JsonNode file = replay.send(requests.get(4)).get("data");
        assertObject(file, "file");
        assertThat(file.get("id").asString()).isEqualTo(sha256);
        JsonNode fileAttributes = file.get("attributes");
        assertThat(fileAttributes.get("sha256").asString()).isEqualTo(sha256);
        assertThat(fileAttributes.get("size").asLong()).isEqualTo(VtPyRecording.SAMPLE.length);
        assertThat(fileAttributes.get("md5").asString()).hasSize(32);
        assertThat(fileAttributes.get("sha1").asString()).hasSize(40);
        assertThat(fileAttributes.get("names").valueStream().map(JsonNode::asString))
                .contains(VtPyRecording.SAMPLE_NAME);
        assertThat(fileAttributes.get("last_analysis_date").isIntegralNumber())
                .as("vt-py turns *_date attributes from epoch seconds into datetimes").isTrue();
        assertStats(fileAttributes.get("last_analysis_stats"));
        assertResults(fileAttributes.get("last_analysis_results"));
        assertThat(fileAttributes.get("argus_verdict").get("label").asString())
                .isIn("malicious", "suspicious", "clean", "unknown");
    }

    private static void assertAnalysis(JsonNode document, String id, String sha256) {
        JsonNode data = document.get("data");
        assertObject(data, "analysis");
        assertThat(data.get("id").asString()).isEqualTo(id);
        JsonNode attributes = data.get("attributes");
        assertThat(attributes.get("date").isIntegralNumber()).isTrue();
        assertStats(attributes.get("stats"));
        assertResults(attributes.get("results"));
        assertThat(document.get("meta").get("file_info").get("sha256").asString()).isEqualTo(sha256);
        assertThat(document.get("meta").get("file_info").get("size").asLong())
                .isEqualTo(VtPyRecording.SAMPLE.length);
    }

    /** What {@code vt.Object.from_dict} needs: a type and an id; attributes is an object. */
    private static void assertObject(JsonNode data, String type) {
        assertThat(data.get("type").asString()).isEqualTo(type);
        assertThat(data.get("id").asString()).isNotBlank();
    }

    private static void assertStats(JsonNode stats) {
        assertThat(stats.propertyNames()).containsExactlyInAnyOrderElementsOf(VT_CATEGORIES);
        stats.values().forEach(count -> assertThat(count.isInt()).isTrue());
    }

    private static void assertResults(JsonNode results) {
        for (var entry : results.properties()) {
            JsonNode result = entry.getValue();
            assertThat(result.get("category").asString()).isIn(VT_CATEGORIES);
            assertThat(result.get("engine_name").asString()).isEqualTo(entry.getKey());
            assertThat(result.has("engine_version")).isTrue();
            assertThat(result.has("engine_update")).isTrue();
            assertThat(result.get("method").asString()).isNotBlank();
            assertThat(result.has("result")).isTrue();
        }
    }

    private static List<Path> recordedRequests() throws IOException {
        try (Stream<Path> files = Files.list(RECORDING)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-request.http")).sorted().toList();
        }
    }

    /** Sends recorded requests with the recorded host and analysis id replaced in their heads only. */
    private final class Replay {

        private final String recordedHost;
        private final String host;
        private final String recordedAnalysis;
        private String analysisId;

        Replay(String recordedHost, String host, String recordedAnalysis) {
            this.recordedHost = recordedHost;
            this.host = host;
            this.recordedAnalysis = recordedAnalysis;
        }

        /** The response's JSON, after checking what vt-py checks (status 200, JSON) and the recorded fields. */
        JsonNode send(Path recordedRequest) throws IOException {
            HttpMessage request;
            try (InputStream in = Files.newInputStream(recordedRequest)) {
                request = HttpMessage.read(in, false);
            }
            String head = request.headText().replace(recordedHost, host);
            if (analysisId != null) {
                head = head.replace(recordedAnalysis, analysisId);
            }
            HttpMessage response;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(request.body());
                out.flush();
                response = HttpMessage.read(socket.getInputStream(), true);
            }
            String content = new String(response.content(), StandardCharsets.UTF_8);
            assertThat(response.status()).as(recordedRequest + ": " + content).isEqualTo(200);
            assertThat(HttpMessage.header(response.headText(), "Content-Type")).startsWith("application/json");
            JsonNode json = ArgusJson.mapper().readTree(content);
            HttpMessage recordedResponse;
            try (InputStream in = Files.newInputStream(Path.of(recordedRequest.toString()
                    .replace("-request.http", "-response.http")))) {
                recordedResponse = HttpMessage.read(in, true);
            }
            JsonNode recordedJson = ArgusJson.mapper().readTree(recordedResponse.content());
            assertThat(fields(json)).as("the fields of the recorded response").isEqualTo(fields(recordedJson));
            return json;
        }
    }

    /** The field paths of the document's objects down to attributes' values, engine-keyed maps left out. */
    private static List<String> fields(JsonNode document) {
        List<String> fields = new ArrayList<>();
        collect(document, "", fields);
        return fields.stream().sorted().toList();
    }

    private static void collect(JsonNode node, String path, List<String> fields) {
        if (!node.isObject() || path.endsWith("results") || path.endsWith("argus_verdict")) {
            return;
        }
        for (var entry : node.properties()) {
            String child = path + "/" + entry.getKey();
            fields.add(child);
            collect(entry.getValue(), child, fields);
        }
    }
}
