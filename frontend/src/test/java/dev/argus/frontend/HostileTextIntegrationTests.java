package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.Category;
import dev.argus.common.message.ScanRequested;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Text a client or an engine sends that would reach the database or the log in a harmful form: a NUL anywhere
 * (PostgreSQL refuses it: a 400 at the edge, never a 503), bidi and invisible characters in tags and key names
 * (refused) and in threat names (shown escaped), CR/LF in values that are logged (escaped), and a flood of
 * anonymous 401s (logged once a minute per address).
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileTextIntegrationTests extends AbstractHostileRequestTests {

    @Test
    void aNulInAnyTextInputIsA400() {
        String sha256 = uploadAndGetSha256();
        assertProblem(raw.send("PUT", "/api/v1/files/" + sha256 + "/label", List.of("Content-Type: application/json"),
                "{\"label\":\"malicious\",\"source\":\"ticket\\u0000 42\"}".getBytes(StandardCharsets.UTF_8)), 400,
                "malformed-json");
        assertThat(raw.send("PUT", "/api/v1/files/" + sha256 + "/label", List.of("Content-Type: application/json"),
                "{\"label\":\"malicious\",\"source\":\"ticket 42\"}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(200);
        RawHttp.Response imported = raw.send("POST", "/api/v1/labels", List.of("Content-Type: text/csv"),
                (sha256 + ",benign,ticket\u0000 7\n" + sha256 + ",malicious,ticket 8\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode report = ArgusJson.mapper().readTree(imported.body());
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").get(0).get("reason").asString()).contains("NUL");
        assertProblem(raw.send("POST", "/api/v1/users/admin/keys", List.of("Content-Type: application/json"),
                "{\"name\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8)), 400, "malformed-json");
        assertThat(raw.send("GET", "/api/v1/files?query=a%00b", List.of(), null).status()).isEqualTo(400);
        assertThat(raw.send("GET", "/api/v1/scans?status=queued%00", List.of(), null).status()).isEqualTo(400);
        assertThat(raw.send("GET", "/api/v1/files/ab%00cd", List.of(), null).status()).isEqualTo(400);
        assertThat(raw.send("POST", "/login", List.of("Content-Type: application/x-www-form-urlencoded"),
                "key=a%00b".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(raw.send("GET", "/api/v1/probes", List.of("X-Request-Id: a\0b"), null).status()).isEqualTo(400);
    }

    @Test
    void tagsAndKeyNamesRefuseBidiAndInvisibleCharacters() {
        for (String sneaky : List.of("\u202E", "\u202A", "\u2066", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B",
                "\u200D", "\u2060", "\uFEFF", "\u00AD")) {
            String hex = String.format("U+%04X", (int) sneaky.charAt(0));
            String detail = assertProblem(raw.send("POST", "/api/v1/scans",
                    List.of("Content-Type: multipart/form-data; boundary=b"), new MultipartBody("b")
                            .file("file", "a.txt", unique()).field("probes", "clamav")
                            .field("tags", "inv" + sneaky + "oice").bytes()), 400, "invalid-field");
            assertThat(detail).contains("tags", hex);
            detail = assertProblem(raw.send("POST", "/api/v1/users/admin/keys", List.of("Content-Type: application/json"),
                    ("{\"name\":\"ci" + sneaky + "key\"}").getBytes(StandardCharsets.UTF_8)), 400, "invalid-field");
            assertThat(detail).contains("name", hex);
        }
        assertThat(raw.send("POST", "/api/v1/users/admin/keys", List.of("Content-Type: application/json"),
                "{\"name\":\"ci key ünïcode 鍵\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
    }

    @Test
    void threatNamesShowBidiAndInvisibleCharactersEscaped() {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        RawHttp.Response accepted = raw.send("POST", "/api/v1/scans",
                List.of("Content-Type: multipart/form-data; boundary=b"),
                new MultipartBody("b").file("file", "a.txt", unique()).field("probes", "clamav").bytes());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        UUID id = UUID.fromString(ArgusJson.mapper().readTree(accepted.body()).get("id").asString());
        ScanRequested requested = (ScanRequested) rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 5000);
        String sha256 = requested.files().getFirst().sha256();

        ResultMessages.publishFromProbe(publisher, "clamav",
                ResultMessages.answer(id, sha256, "clamav", Category.MALICIOUS, "Trojan.\u202Eexe.txt\u200B"));

        await().untilAsserted(() -> assertThat(http.get("/api/v1/scans/" + id).body())
                .contains("\"status\":\"finished\"")
                .contains("Trojan.\\\\u202Eexe.txt\\\\u200B")
                .doesNotContain("\u202E").doesNotContain("\\u202E\"").doesNotContain("\u200B"));
    }

    @Test
    void valuesThatAreLoggedCannotForgeLines(CapturedOutput output) {
        String marker = "FORGED-" + UUID.randomUUID();
        assertThat(raw.send("GET", "/api/v1/scans?page=x%0D%0A" + marker, List.of(), null).status()).isEqualTo(400);
        assertThat(raw.send("POST", "/api/v1/scans", List.of("Content-Type: multipart/form-data; boundary=b"),
                new MultipartBody("b").file("file", "a.txt", unique()).field("probes", "clamav")
                        .field("tags", "x".repeat(300) + "\r\n" + marker).bytes()).status()).isEqualTo(400);

        assertThat(output.getAll()).contains("\\u000D\\u000A" + marker);
        assertThat(Arrays.stream(output.getAll().split("\\R"))).noneMatch(line -> line.startsWith(marker));
    }

    @Test
    void anonymous401sAreLoggedOnceAMinutePerAddress(CapturedOutput output) {
        String marker = "throttle-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            assertThat(raw.send("GET", "/api/v1/" + marker, List.of("Authorization: Bearer argus_" + "A".repeat(43)),
                    null).status()).isEqualTo(401);
            assertThat(raw.send("GET", "/api/v1/" + marker, List.of("Authorization:"), null).status())
                    .isEqualTo(401);
        }
        long logged = Arrays.stream(output.getAll().split("\\R")).filter(line -> line.contains(marker)).count();
        assertThat(logged).isLessThanOrEqualTo(1);
    }

    private String uploadAndGetSha256() {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        RawHttp.Response accepted = raw.send("POST", "/api/v1/scans",
                List.of("Content-Type: multipart/form-data; boundary=b"),
                new MultipartBody("b").file("file", "a.txt", unique()).field("probes", "clamav").bytes());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        Object requested = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 5000);
        return ((ScanRequested) requested).files().getFirst().sha256();
    }
}
