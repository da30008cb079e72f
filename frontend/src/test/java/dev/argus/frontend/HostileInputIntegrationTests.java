package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.Topology;
import dev.argus.common.json.ArgusJson;
import dev.argus.testsupport.ArgusTestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Each hostile request is a 4xx problem naming what is wrong, and leaves nothing behind: no file or scan row, no
 * object on the FTP store, no {@code ScanRequested}, no temp file.
 */
class HostileInputIntegrationTests extends AbstractHostileRequestTests {

    private static final String BOUNDARY = "argus-hostile-boundary";

    /**
     * Names a real sample carries are data (issue 17): accepted, stored and given back exactly as sent, never used
     * as a path: the bytes are stored under their sha256, and the scan and the file report show the name.
     */
    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "a/b.exe", "C:\\Users\\ana\\evil.exe", "..", ".", "tab\tname.txt",
        "bell\u0007.txt", "esc\u001B[31mred.txt", "c1\u0085.txt", "invoice\u202Efdp.exe", "zero\u200Bwidth.txt",
        "p\u0430ypal.exe", "micros\u03BFft.exe", "bom\uFEFF.txt", "del\u007F.txt", "isolate\u2067x\u2069.pdf",
        "line\u2028sep.txt", "trailing dot."})
    void keepsAnyFileNameAsDataAndGivesItBackExactly(String name) {
        byte[] content = unique();

        RawHttp.Response accepted = upload(new MultipartBody(BOUNDARY).file("file", name, content));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(namesShownFor(accepted, content)).containsExactly(name);
    }

    @Test
    void keepsAThousandCharacterNameWhole() {
        byte[] content = unique();
        String name = "\u0444".repeat(600) + "x".repeat(399) + "\u202E"; // 1,000 characters, 1,602 bytes of UTF-8

        RawHttp.Response accepted = upload(new MultipartBody(BOUNDARY).file("file", name, content));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(namesShownFor(accepted, content)).containsExactly(name);
    }

    @Test
    void keepsBothNamesOfTheSameContentInOneUpload() {
        byte[] content = unique();

        RawHttp.Response accepted = upload(new MultipartBody(BOUNDARY).file("file", "report.pdf", content)
                .file("file", "report.pdf\u202Eexe.scr", content));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode file = scanFiles(accepted).getFirst();
        assertThat(file.get("name").asString()).isEqualTo("report.pdf");
        assertThat(file.get("otherNames").values()).extracting(JsonNode::asString)
                .containsExactly("report.pdf\u202Eexe.scr");
        String sha256 = AbstractFrontendIntegrationTests.sha256(content);
        assertThat(namesOf(sha256)).containsExactlyInAnyOrder("report.pdf", "report.pdf\u202Eexe.scr");
        assertThat(http.get("/api/v1/files?query=exe.scr").body()).contains(sha256);
    }

    @Test
    void refusesANameHoldingNulWhichCannotBeStoredAndStoresNothing() {
        String detail = refusedAndNothingStored(unique(), 400, "invalid-file-name",
                bytes -> upload(new MultipartBody(BOUNDARY).file("file", "nul\u0000byte.txt", bytes)));

        assertThat(detail).contains("U+0000");
    }

    @Test
    void keepsLegitimateNonLatinNames() {
        RawHttp.Response accepted = upload(new MultipartBody(BOUNDARY).file("file", "отчёт.pdf", unique())
                .file("file", "报告.docx", unique()));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"name\":\"отчёт.pdf\"").contains("\"name\":\"报告.docx\"");
        assertThat(rabbit.receive(Topology.SCANS_QUEUE, 5000)).isNotNull();
    }

    /** The names the scan and the file report show for the content, after checking its bytes went under its sha256. */
    private List<String> namesShownFor(RawHttp.Response accepted, byte[] content) {
        String sha256 = AbstractFrontendIntegrationTests.sha256(content);
        assertThat(fileStore.exists(sha256)).as("stored under its sha256").isTrue();
        List<String> inScan = scanFiles(accepted).stream().map(file -> file.get("name").asString()).toList();
        assertThat(namesOf(sha256)).as("the file report's names").isEqualTo(inScan);
        return inScan;
    }

    private List<JsonNode> scanFiles(RawHttp.Response accepted) {
        String id = ArgusJson.mapper().readTree(accepted.body()).get("id").asString();
        return ArgusTestClient.json(http.get("/api/v1/scans/" + id)).get("files").values().stream().toList();
    }

    private List<String> namesOf(String sha256) {
        return ArgusTestClient.json(http.get("/api/v1/files/" + sha256)).get("names").values().stream()
                .map(JsonNode::asString).toList();
    }

    @Test
    void refusesAMultipartBodyWithoutAFilePart() {
        String detail = refusedAndNothingStored(unique(), 400, "missing-file",
                bytes -> upload(new MultipartBody(BOUNDARY).field("tags", new String(bytes, StandardCharsets.UTF_8))));

        assertThat(detail).contains("'file'");
    }

    @Test
    void refusesThousandsOfPartsAtTheLimit() {
        String detail = refusedAndNothingStored(unique(), 413, "too-many-parts", bytes -> {
            MultipartBody body = new MultipartBody(BOUNDARY).file("file", "first.bin", bytes);
            for (int i = 0; i < 5000; i++) {
                body.file("other", "x" + i + ".bin", new byte[] {1});
            }
            return upload(body);
        });

        assertThat(detail).contains("at most 164 multipart parts");
    }

    @Test
    void refusesThousandsOfFormFields() {
        String detail = refusedAndNothingStored(unique(), 400, "malformed-multipart", bytes -> {
            MultipartBody body = new MultipartBody(BOUNDARY).file("file", "f.bin", bytes);
            for (int i = 0; i < 3000; i++) {
                body.field("f" + i, "v");
            }
            return upload(body);
        });

        assertThat(detail).contains("at most 64 form fields");
    }

    @Test
    void refusesAHugeFormField() {
        String detail = refusedAndNothingStored(unique(), 400, "invalid-field", bytes -> upload(
                new MultipartBody(BOUNDARY).file("file", "f.bin", bytes).field("metadata", "x".repeat(200_000))));

        assertThat(detail).contains("'metadata'").contains("65536 bytes");
    }

    @Test
    void refusesATruncatedMultipartBody() {
        refusedAndNothingStored(unique(), 400, "malformed-multipart", bytes -> {
            MultipartBody body = new MultipartBody(BOUNDARY).file("file", "cut.bin", bytes).field("tags", "t");
            return raw.send("POST", "/api/v1/scans", List.of("Content-Type: " + body.contentType()),
                    body.truncated(body.truncated(Integer.MAX_VALUE).length - 10));
        });
    }

    @Test
    void refusesABodyWhoseBoundaryIsNotTheAnnouncedOne() {
        // the parser finds no part under the announced boundary, so the request has no file
        refusedAndNothingStored(unique(), 400, "missing-file", bytes -> raw.send("POST", "/api/v1/scans",
                List.of("Content-Type: multipart/form-data; boundary=announced"),
                new MultipartBody("different").file("file", "f.bin", bytes).bytes()));
    }

    @Test
    void refusesMultipartWithoutABoundary() {
        refusedAndNothingStored(unique(), 400, "malformed-multipart", bytes -> raw.send("POST", "/api/v1/scans",
                List.of("Content-Type: multipart/form-data"),
                new MultipartBody(BOUNDARY).file("file", "f.bin", bytes).bytes()));
    }

    @Test
    void refusesMalformedJsonAndWrongContentTypes() {
        assertThat(assertProblem(raw.send("POST", "/api/v1/scans", List.of("Content-Type: application/json"),
                "{\"sha256\" [\"ab\"]}".getBytes(StandardCharsets.UTF_8)), 400, "malformed-json"))
                .startsWith("malformed JSON body");
        assertProblem(raw.send("POST", "/api/v1/scans", List.of("Content-Type: application/xml"),
                "<scan/>".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type");
        assertProblem(raw.send("POST", "/api/v1/scans", List.of(), "data".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported-media-type");
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
    }

    @Test
    void refusesAJsonBodyOverOneMegabyteWhetherDeclaredOrChunked() {
        byte[] json = ("{\"sha256\":[\"" + "a".repeat(64) + "\"],\"metadata\":{\"pad\":\"" + "p".repeat(2 << 20)
                + "\"}}").getBytes(StandardCharsets.UTF_8);

        String declared = assertProblem(raw.send("POST", "/api/v1/scans", List.of("Content-Type: application/json"),
                json), 413, "content-too-large");
        String chunked = assertProblem(raw.sendChunked("POST", "/api/v1/scans",
                List.of("Content-Type: application/json"), json), 413, "content-too-large");

        assertThat(declared).isEqualTo(chunked).contains("larger than 1MB");
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
    }

    @Test
    void refusesAFormBodyWhoseFieldNameHoldsALineBreakAtAnyRoute() {
        byte[] form = "--x\r\nContent-Disposition: form-data; name=1".getBytes(StandardCharsets.UTF_8);

        String detail = assertProblem(raw.send("POST", "/api/v1/scans/" + UUID.randomUUID(),
                List.of("Content-Type: application/x-www-form-urlencoded"), form), 400, "bad-request");

        assertThat(detail).contains("not allowed").doesNotContain("Content-Disposition");
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
    }

    @Test
    void answersHugeHeadersWithAProblemFromTomcat() {
        RawHttp.Response response = raw.send("GET", "/api/v1/probes", List.of("X-Padding: " + "p".repeat(64 * 1024)),
                null);

        assertProblem(response, 400, "bad-request");
    }

        private RawHttp.Response upload(MultipartBody body) {
        return raw.send("POST", "/api/v1/scans", List.of("Content-Type: " + body.contentType()), body.bytes());
    }

    private String refusedAndNothingStored(byte[] content, int status, String slug,
                                           Function<byte[], RawHttp.Response> request) {
        long files = count("file");
        long scans = count("scan");

        String detail = assertProblem(request.apply(content), status, slug);

        assertThat(count("file")).isEqualTo(files);
        assertThat(count("scan")).isEqualTo(scans);
        assertThat(fileStore.exists(AbstractFrontendIntegrationTests.sha256(content))).isFalse();
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
        assertNoTempFilesLeft();
        return detail;
    }
}
