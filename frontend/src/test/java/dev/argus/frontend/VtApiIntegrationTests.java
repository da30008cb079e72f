package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.ScanRequested;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * VirusTotal API v3 on Argus: upload, upload URL (forwarded host and scheme honoured), analysis from queued to
 * completed with VirusTotal's categories and file_info, file object by each hash with Argus's verdict, rescan,
 * and VirusTotal's error documents for every refusal, including the security filters' and unknown routes.
 */
@ExtendWith(OutputCaptureExtension.class)
class VtApiIntegrationTests extends AbstractVtIntegrationTests {

    @Test
    void neverLogsAKeyItWasSentWhetherRightOrWrong(CapturedOutput output) throws Exception {
        String wrongV3 = "argus_wrong-v3-key-" + UUID.randomUUID();
        String wrongV2 = "argus_wrong-v2-key-" + UUID.randomUUID();
        assertVtError(vt("GET", "/api/v3/files/upload_url", wrongV3, null), 401, "WrongCredentialsError");
        assertThat(send(HttpRequest.newBuilder(http.uri("/vtapi/v2/file/report?resource=x&apikey=" + wrongV2)))
                .statusCode()).isEqualTo(403);
        assertThat(vt("GET", "/api/v3/nothing-here", TestKeys.ADMIN_KEY, null).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(http.uri("/vtapi/v2/file/nothing?apikey=" + TestKeys.ADMIN_KEY)))
                .statusCode()).isEqualTo(404);
        // a 401's line may be left out when another 401 from 127.0.0.1 was logged within the minute (UnauthorizedLog)
        assertThat(output.getAll()).as("the refusals are logged")
                .contains("GET /api/v3/nothing-here -> 404")
                .doesNotContain(wrongV3).doesNotContain(wrongV2).doesNotContain(TestKeys.ADMIN_KEY);
    }

    @Test
    void uploadsAFileFollowsItsAnalysisToCompletedAndShowsTheFileObject() throws Exception {
        byte[] content = unique();
        String sha256 = sha256(content);
        HttpResponse<String> uploaded = vt("POST", "/api/v3/files", TestKeys.ADMIN_KEY,
                new Multipart().file("vt-sample.bin", content));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        JsonNode descriptor = json(uploaded).get("data");
        assertThat(descriptor.get("type").asString()).isEqualTo("analysis");
        String id = descriptor.get("id").asString();
        assertThat(descriptor.get("links").get("self").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/api/v3/analyses/" + id);

        ScanRequested requested = receiveScanRequested();
        assertThat(requested.scanId()).isEqualTo(UUID.fromString(id));
        assertThat(requested.files()).hasSize(1);
        JsonNode queued = analysis(id);
        assertThat(queued.get("data").get("attributes").get("status").asString()).isEqualTo("queued");
        assertThat(queued.get("data").get("attributes").get("stats").toString()).isEqualTo("{\"malicious\":0,"
                + "\"suspicious\":0,\"undetected\":0,\"harmless\":0,\"timeout\":0,\"confirmed-timeout\":0,"
                + "\"failure\":0,\"type-unsupported\":0}");

        answer(requested, "Vt-Test-Signature");
        await().until(() -> analysis(id).get("data").get("attributes").get("status").asString().equals("completed"));
        JsonNode completed = analysis(id);
        JsonNode attributes = completed.get("data").get("attributes");
        assertThat(completed.get("data").get("type").asString()).isEqualTo("analysis");
        assertThat(completed.get("data").get("id").asString()).isEqualTo(id);
        assertThat(attributes.get("date").asLong()).isPositive();
        assertThat(attributes.get("stats").get("malicious").asInt()).isEqualTo(1);
        assertThat(attributes.get("stats").get("undetected").asInt()).isEqualTo(requested.probes().size() - 1);
        JsonNode clamav = attributes.get("results").get(CLAMAV);
        assertThat(clamav.get("category").asString()).isEqualTo("malicious");
        assertThat(clamav.get("engine_name").asString()).isEqualTo(CLAMAV);
        assertThat(clamav.get("engine_version").asString()).isEqualTo("1.4.6");
        assertThat(clamav.get("engine_update").asString()).isEqualTo("27800");
        assertThat(clamav.get("method").asString()).isEqualTo("blacklist");
        assertThat(clamav.get("result").asString()).isEqualTo("Vt-Test-Signature");
        assertThat(attributes.get("results").get(YARA).get("category").asString()).isEqualTo("undetected");
        JsonNode verdict = scan(UUID.fromString(id)).get("files").get(0).get("verdict");
        assertThat(attributes.get("argus_verdict").get("label").asString())
                .isEqualTo(verdict.get("label").asString()).isIn("malicious", "suspicious");
        assertThat(attributes.get("argus_verdict").get("confidence").asDouble())
                .isEqualTo(verdict.get("confidence").asDouble());
        JsonNode fileInfo = completed.get("meta").get("file_info");
        assertThat(fileInfo.get("sha256").asString()).isEqualTo(sha256);
        assertThat(fileInfo.get("md5").asString()).isEqualTo(AbstractFrontendIntegrationTests.hex("MD5", content));
        assertThat(fileInfo.get("sha1").asString()).isEqualTo(AbstractFrontendIntegrationTests.hex("SHA-1", content));
        assertThat(fileInfo.get("size").asLong()).isEqualTo(content.length);

        for (String hash : new String[] {sha256, fileInfo.get("md5").asString(), fileInfo.get("sha1").asString()}) {
            HttpResponse<String> file = vt("GET", "/api/v3/files/" + hash, TestKeys.ADMIN_KEY, null);
            assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
            JsonNode data = json(file).get("data");
            assertThat(data.get("type").asString()).isEqualTo("file");
            assertThat(data.get("id").asString()).isEqualTo(sha256);
            JsonNode fileAttributes = data.get("attributes");
            assertThat(fileAttributes.get("sha256").asString()).isEqualTo(sha256);
            assertThat(fileAttributes.get("md5").asString()).isEqualTo(fileInfo.get("md5").asString());
            assertThat(fileAttributes.get("sha1").asString()).isEqualTo(fileInfo.get("sha1").asString());
            assertThat(fileAttributes.get("size").asLong()).isEqualTo(content.length);
            assertThat(fileAttributes.get("names").toString()).isEqualTo("[\"vt-sample.bin\"]");
            assertThat(fileAttributes.get("type_description").asString()).isNotBlank();
            assertThat(fileAttributes.get("last_analysis_date").asLong())
                    .isEqualTo(attributes.get("date").asLong());
            assertThat(fileAttributes.get("last_analysis_stats").get("malicious").asInt()).isEqualTo(1);
            assertThat(fileAttributes.get("last_analysis_results").get(CLAMAV).get("result").asString())
                    .isEqualTo("Vt-Test-Signature");
            assertThat(fileAttributes.get("argus_verdict").get("label").asString())
                    .isEqualTo(verdict.get("label").asString());
            assertThat(fileAttributes.get("argus_verdict").get("confidence").asDouble()).isBetween(0.0, 1.0);
        }

        HttpResponse<String> rescan = vt("POST", "/api/v3/files/" + fileInfo.get("md5").asString() + "/analyse",
                TestKeys.ADMIN_KEY, null);
        assertThat(rescan.statusCode()).as(rescan.body()).isEqualTo(200);
        String rescanId = json(rescan).get("data").get("id").asString();
        assertThat(json(rescan).get("data").get("type").asString()).isEqualTo("analysis");
        assertThat(rescanId).isNotEqualTo(id);
        ScanRequested again = receiveScanRequested();
        assertThat(again.scanId().toString()).isEqualTo(rescanId);
        assertThat(again.force()).as("a VirusTotal reanalysis reuses no stored result").isTrue();
        answer(again, "Vt-Test-Signature");
        await().until(() -> analysis(rescanId).get("data").get("attributes").get("status").asString()
                .equals("completed"));
    }

    @Test
    void theUploadUrlHonoursTheForwardedHostAndSchemeAndTakesAFileLikePostFiles() throws Exception {
        HttpResponse<String> url = send(HttpRequest.newBuilder(http.uri("/api/v3/files/upload_url"))
                .header("x-apikey", TestKeys.ADMIN_KEY)
                .header("X-Forwarded-Host", "argus.example.org")
                .header("X-Forwarded-Proto", "https"));
        assertThat(url.statusCode()).as(url.body()).isEqualTo(200);
        assertThat(json(url).get("data").asString()).isEqualTo("https://argus.example.org/api/v3/files/upload");
        HttpResponse<String> forwarded = send(HttpRequest.newBuilder(http.uri("/api/v3/files/upload_url"))
                .header("x-apikey", TestKeys.ADMIN_KEY)
                .header("Forwarded", "proto=https;host=scanner.example.net"));
        assertThat(json(forwarded).get("data").asString()).isEqualTo("https://scanner.example.net/api/v3/files/upload");
        String direct = json(vt("GET", "/api/v3/files/upload_url", TestKeys.ADMIN_KEY, null)).get("data").asString();
        assertThat(direct).isEqualTo("http://127.0.0.1:" + port + "/api/v3/files/upload");

        byte[] content = unique();
        Multipart form = new Multipart().file("large.bin", content);
        HttpResponse<String> uploaded = send(HttpRequest.newBuilder(URI.create(direct))
                .header("x-apikey", TestKeys.ADMIN_KEY).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String id = json(uploaded).get("data").get("id").asString();
        assertThat(receiveScanRequested().scanId().toString()).isEqualTo(id);
        assertThat(analysis(id).get("meta").get("file_info").get("sha256").asString()).isEqualTo(sha256(content));
    }

    @Test
    void answersEveryRefusalAsAVirusTotalErrorDocument() throws Exception {
        assertVtError(vt("GET", "/api/v3/files/upload_url", null, null), 401, "AuthenticationRequiredError");
        assertVtError(vt("GET", "/api/v3/files/upload_url", "not-a-key", null), 401, "WrongCredentialsError");
        assertVtError(vt("GET", "/api/v3/analyses/" + UUID.randomUUID(), TestKeys.ADMIN_KEY, null), 404,
                "NotFoundError");
        assertVtError(vt("GET", "/api/v3/analyses/not-an-id", TestKeys.ADMIN_KEY, null), 404, "NotFoundError");
        assertVtError(vt("GET", "/api/v3/files/" + "ab".repeat(32), TestKeys.ADMIN_KEY, null), 404,
                "NotFoundError");
        assertVtError(vt("GET", "/api/v3/files/xyz", TestKeys.ADMIN_KEY, null), 400, "InvalidArgumentError");
        assertVtError(vt("GET", "/api/v3/urls/abc", TestKeys.ADMIN_KEY, null), 404, "NotFoundError");
        assertVtError(vt("POST", "/api/v3/files", TestKeys.ADMIN_KEY, new Multipart().field("probes", "clamav")),
                400, "BadRequestError");
        assertVtError(vt("POST", "/api/v3/files", TestKeys.ADMIN_KEY,
                new Multipart().file("a.bin", unique()).file("b.bin", unique())), 400, "BadRequestError");

        ArgusTestClient reader = http.newUser("READER");
        assertVtError(vt("POST", "/api/v3/files", reader.key(), new Multipart().file("r.bin", unique())), 403,
                "ForbiddenError");
        assertVtError(vt("GET", "/api/v3/analyses/" + UUID.randomUUID(), reader.key(), null), 403, "ForbiddenError");
        assertThat(vt("GET", "/api/v3/files/" + "ab".repeat(32), reader.key(), null).statusCode())
                .as("a READER reads file objects").isEqualTo(404);

        ArgusTestClient analyst = http.newUser("ANALYST");
        HttpResponse<String> own = vt("POST", "/api/v3/files", analyst.key(), new Multipart().file("o.bin", unique()));
        String id = json(own).get("data").get("id").asString();
        receiveScanRequested();
        assertThat(vt("GET", "/api/v3/analyses/" + id, analyst.key(), null).statusCode()).isEqualTo(200);
        assertVtError(vt("GET", "/api/v3/analyses/" + id, http.newUser("ANALYST").key(), null), 404,
                "NotFoundError");
    }

    @Test
    void takesEachKindOfKeyOnlyOnItsOwnRoutes() throws Exception {
        HttpResponse<String> v1WithVtHeader = send(HttpRequest.newBuilder(http.uri("/api/v1/stats"))
                .header("x-apikey", TestKeys.ADMIN_KEY));
        assertThat(v1WithVtHeader.statusCode()).as("x-apikey is not a key on /api/v1").isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(http.uri("/api/v3/files/upload_url?apikey=" + TestKeys.ADMIN_KEY)))
                .statusCode()).as("apikey is not a key on /api/v3").isEqualTo(401);
        HttpResponse<String> bearer = send(HttpRequest.newBuilder(http.uri("/api/v3/files/upload_url"))
                .header("Authorization", "Bearer " + TestKeys.ADMIN_KEY));
        assertThat(bearer.statusCode()).as("Bearer works on /api/v3 as everywhere").isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(http.uri("/vtapi/v2/file/report?resource=" + "ab".repeat(32)))
                .header("x-apikey", TestKeys.ADMIN_KEY)).statusCode())
                .as("x-apikey is not a key on /vtapi/v2, which answers a refused key 403").isEqualTo(403);
        HttpResponse<String> v2 = send(HttpRequest.newBuilder(http.uri("/vtapi/v2/file/report?resource="
                + "ab".repeat(32) + "&apikey=" + TestKeys.ADMIN_KEY)));
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(json(v2).get("response_code").asInt()).isZero();
        HttpResponse<String> v2Form = send(HttpRequest.newBuilder(http.uri("/vtapi/v2/file/report"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("resource=" + "cd".repeat(20) + "&apikey="
                        + TestKeys.ADMIN_KEY)));
        assertThat(v2Form.statusCode()).as(v2Form.body()).isEqualTo(200);
        assertThat(json(v2Form).get("resource").asString()).isEqualTo("cd".repeat(20));
        HttpResponse<String> v2BadKey = send(HttpRequest.newBuilder(http.uri("/vtapi/v2/file/report?resource=x"
                + "&apikey=wrong")));
        assertThat(v2BadKey.statusCode()).isEqualTo(403);
        assertThat(v2BadKey.body()).isEmpty();
    }

    JsonNode analysis(String id) throws Exception {
        HttpResponse<String> response = vt("GET", "/api/v3/analyses/" + id, TestKeys.ADMIN_KEY, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    HttpResponse<String> vt(String method, String path, String key, Multipart form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path));
        if (key != null) {
            request.header("x-apikey", key);
        }
        if (form != null) {
            request.header("Content-Type", form.contentType());
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(form.body()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void assertVtError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("urn:argus:problem").doesNotContain(TestKeys.ADMIN_KEY);
    }
}
