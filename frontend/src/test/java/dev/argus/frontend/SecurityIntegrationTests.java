package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.sha256;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.uniqueContent;
import static dev.argus.frontend.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.Topology;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Identities, roles and ownership against real PostgreSQL, RabbitMQ and FTP: keys are checked on every request,
 * stored only as a hash and revocable at once; roles are enforced; a scan is its submitter's (and the admins');
 * file reports are shared without other users' names and tags; admins download samples as encrypted zips.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AmqpAdmin amqpAdmin;

    TestHttp admin;

    @BeforeEach
    void knowAProbe() {
        admin = new TestHttp(port);
        // the test plays the brain's directory by writing the frontend's copy directly
        jdbc.sql("""
                insert into probe (name, display_name, category, version, engine_version, online, instances,
                                   last_seen, updated_at)
                values ('secprobe', 'Sec', 'antivirus', '1', '1', true, 1, now(), now())
                on conflict (name) do update set online = true, updated_at = now()
                """).update();
    }

    @Test
    void anAnalystSeesOnlyItsOwnScansAndGets404ForAnotherAnalysts() {
        TestHttp ana = admin.newUser("ANALYST");
        TestHttp bob = admin.newUser("ANALYST");
        byte[] content = uniqueContent();
        String tag = "case-" + UUID.randomUUID();
        String id = upload(ana, "ana-secret-name.doc", content, tag);

        assertThat(ana.get("/api/v1/scans/" + id).statusCode()).isEqualTo(200);
        assertProblem(bob.get("/api/v1/scans/" + id), 404, "scan-not-found");
        assertProblem(bob.get("/api/v1/scans/" + id + "/events"), 404, "scan-not-found");
        assertProblem(bob.post("/api/v1/scans/" + id + "/cancel"), 404, "scan-not-found");
        assertThat(ids(bob.get("/api/v1/scans?size=100"))).doesNotContain(id);
        assertThat(ids(ana.get("/api/v1/scans?size=100"))).contains(id);
        assertThat(admin.get("/api/v1/scans/" + id).statusCode()).isEqualTo(200);

        JsonNode shared = json(bob.get("/api/v1/files/" + sha256(content)));
        assertThat(shared.get("sha256").asString()).isEqualTo(sha256(content));
        assertThat(shared.get("stats").size()).isEqualTo(7);
        assertThat(shared.get("names").isEmpty()).isTrue();
        assertThat(shared.get("tags").isEmpty()).isTrue();
        assertThat(shared.get("scans").isEmpty()).isTrue();
        JsonNode own = json(ana.get("/api/v1/files/" + sha256(content)));
        assertThat(own.get("names").toString()).isEqualTo("[\"ana-secret-name.doc\"]");
        assertThat(own.get("tags").toString()).isEqualTo("[\"" + tag + "\"]");
        assertThat(own.get("scans").get(0).get("id").asString()).isEqualTo(id);

        assertThat(json(bob.get("/api/v1/files?query=ana-secret-name")).get("items").isEmpty()).isTrue();
        assertThat(json(bob.get("/api/v1/files?query=tag:" + tag)).get("items").isEmpty()).isTrue();
        assertThat(json(ana.get("/api/v1/files?query=tag:" + tag)).get("items").size()).isEqualTo(1);

        HttpResponse<String> rescan = bob.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256(content) + "\"]}");
        assertThat(rescan.statusCode()).isEqualTo(202);
        assertThat(json(rescan).get("files").get(0).get("name").isNull()).isTrue();
    }

    @Test
    void aReaderReadsFileReportsAndProbesButMayNotSubmitOrSeeScans() {
        TestHttp reader = admin.newUser("READER");
        byte[] content = uniqueContent();
        upload(admin, "r.bin", content, "r");

        assertThat(reader.get("/api/v1/files/" + sha256(content)).statusCode()).isEqualTo(200);
        assertThat(reader.get("/api/v1/files?query=r").statusCode()).isEqualTo(200);
        assertThat(reader.get("/api/v1/probes").statusCode()).isEqualTo(200);
        assertProblem(reader.upload(new TestHttp.Multipart().file("x.bin", uniqueContent())), 403, "forbidden");
        assertProblem(reader.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256(content) + "\"]}"), 403,
                "forbidden");
        assertProblem(reader.get("/api/v1/scans"), 403, "forbidden");
        assertProblem(reader.send("PUT", "/api/v1/files/" + sha256(content) + "/label", "application/json",
                "{\"label\":\"malicious\"}"), 403, "forbidden");
        assertProblem(reader.get("/api/v1/files/" + sha256(content) + "/download"), 403, "forbidden");
        assertProblem(reader.postJson("/api/v1/users", "{\"username\":\"x\",\"role\":\"ADMIN\"}"), 403, "forbidden");
        // routes of the verdict feature: any authenticated user may read models and stats
        assertThat(reader.get("/api/v1/models/current").statusCode()).isNotIn(401, 403);
        assertThat(reader.get("/api/v1/stats/engines").statusCode()).isNotIn(401, 403);
    }

    @Test
    void anAnalystMayLabelButNotTrainModelsManageUsersOrDownload() {
        TestHttp analyst = admin.newUser("ANALYST");
        String sha = "ab".repeat(32);

        assertThat(analyst.send("PUT", "/api/v1/files/" + sha + "/label", "application/json",
                "{\"label\":\"malicious\"}").statusCode()).isNotIn(401, 403);
        assertThat(analyst.send("POST", "/api/v1/labels", "text/csv", "").statusCode()).isNotIn(401, 403);
        assertProblem(analyst.post("/api/v1/models"), 403, "forbidden");
        assertProblem(analyst.postJson("/api/v1/users", "{\"username\":\"y\",\"role\":\"READER\"}"), 403,
                "forbidden");
        assertProblem(analyst.get("/api/v1/files/" + sha + "/download"), 403, "forbidden");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndKeysAreStoredOnlyAsHashes() {
        TestHttp ana = admin.newUser("ANALYST");
        String username = ownUsername(ana);
        HttpResponse<String> created = ana.postJson("/api/v1/users/" + username + "/keys", "{\"name\":\"laptop\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = json(created);
        assertThat(key.get("key").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(key.get("name").asString()).isEqualTo("laptop");
        TestHttp laptop = ana.withKey(key.get("key").asString());

        assertThat(laptop.get("/api/v1/probes").statusCode()).isEqualTo(200);
        String table = jdbc.sql("select string_agg(k::text, '|') from api_key k").query(String.class).single();
        assertThat(table).doesNotContain(key.get("key").asString()).contains(sha256Hex(key.get("key").asString()));
        JsonNode listed = json(ana.get("/api/v1/users/" + username + "/keys"));
        assertThat(listed.toString()).doesNotContain(key.get("key").asString());
        assertThat(listed.valueStream().map(k -> k.get("id").asString())).contains(key.get("id").asString());
        assertThat(listed.valueStream().filter(k -> k.get("id").asString().equals(key.get("id").asString()))
                .findFirst().orElseThrow().get("lastUsedAt").isNull()).isFalse();

        assertThat(ana.send("DELETE", "/api/v1/keys/" + key.get("id").asString(), "application/json", "")
                .statusCode()).isEqualTo(204);

        assertProblem(laptop.get("/api/v1/probes"), 401, "unauthorized");
        assertThat(json(ana.get("/api/v1/users/" + username + "/keys")).toString())
                .doesNotContain(key.get("id").asString());
        assertProblem(ana.send("DELETE", "/api/v1/keys/" + key.get("id").asString(), "application/json", ""), 404,
                "key-not-found");
    }

    @Test
    void aUserManagesOnlyItsOwnKeysWhileAnAdminManagesEveryone() {
        TestHttp ana = admin.newUser("ANALYST");
        TestHttp bob = admin.newUser("READER");
        String anaName = ownUsername(ana);
        String anaKeyId = json(ana.get("/api/v1/users/" + anaName + "/keys")).get(0).get("id").asString();

        assertProblem(bob.get("/api/v1/users/" + anaName + "/keys"), 403, "forbidden");
        assertProblem(bob.postJson("/api/v1/users/" + anaName + "/keys", "{\"name\":\"x\"}"), 403, "forbidden");
        assertProblem(bob.send("DELETE", "/api/v1/keys/" + anaKeyId, "application/json", ""), 404, "key-not-found");
        assertThat(admin.get("/api/v1/users/" + anaName + "/keys").statusCode()).isEqualTo(200);
        assertProblem(admin.get("/api/v1/users/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/keys"),
                404, "user-not-found");

        String name = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.postJson("/api/v1/users",
                "{\"username\":\"" + name + "\",\"role\":\"reader\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).toString()).isEqualTo("{\"username\":\"" + name + "\",\"role\":\"READER\"}");
        assertProblem(admin.postJson("/api/v1/users", "{\"username\":\"" + name + "\",\"role\":\"READER\"}"), 409,
                "user-exists");
        assertProblem(admin.postJson("/api/v1/users", "{\"username\":\"../x\",\"role\":\"READER\"}"), 400,
                "invalid-field");
        assertProblem(admin.postJson("/api/v1/users", "{\"username\":\"dave\",\"role\":\"ROOT\"}"), 400,
                "invalid-field");
        assertProblem(admin.postJson("/api/v1/users/" + name + "/keys", "{\"name\":\"\"}"), 400, "invalid-field");
    }

    @Test
    void refusesMissingMalformedAndUnknownKeysWith401() {
        TestHttp anonymous = admin.withKey(null);
        assertProblem(anonymous.get("/api/v1/probes"), 401, "unauthorized");
        assertProblem(admin.withKey("argus_not-a-key-at-all-but-long-enough-to-look-real").get("/api/v1/probes"),
                401, "unauthorized");
        HttpResponse<String> basic = anonymous.send(HttpRequest.newBuilder(admin.uri("/api/v1/probes"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertProblem(basic, 401, "unauthorized");
    }

    @Test
    void anAdminDownloadsASampleAsAnAesZipThatOpensWithInfected(@TempDir Path temp) throws IOException {
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        upload(admin, "../../evil name.exe", content, "dl");

        HttpResponse<byte[]> response = sendForBytes("/api/v1/files/" + sha256 + "/download");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).contains(sha256 + ".zip"));
        Path zip = temp.resolve("sample.zip");
        Files.write(zip, response.body());
        try (ZipFile archive = new ZipFile(zip.toFile(), "infected".toCharArray())) {
            List<FileHeader> entries = archive.getFileHeaders();
            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.getFileName()).isEqualTo(sha256);
                assertThat(entry.isEncrypted()).isTrue();
            });
            archive.extractAll(temp.resolve("out").toString());
        }
        assertThat(Files.readAllBytes(temp.resolve("out").resolve(sha256))).isEqualTo(content);
        try (ZipFile wrong = new ZipFile(zip.toFile(), "wrong".toCharArray())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.extractAll(temp.resolve("no").toString()))
                    .isInstanceOf(net.lingala.zip4j.exception.ZipException.class);
        }
        assertProblem(admin.get("/api/v1/files/" + "0".repeat(64) + "/download"), 404, "file-not-found");
        assertProblem(admin.get("/api/v1/files/xyz/download"), 400, "invalid-hash");
    }

    @Test
    void sendsTheSecurityHeaders() {
        for (HttpResponse<String> response : List.of(admin.get("/"), admin.get("/api/v1/probes"),
                admin.withKey(null).get("/api/v1/probes"))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
        assertThat(admin.withKey(null).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(admin.withKey(null).get("/login.html").statusCode()).isEqualTo(200);
        assertThat(admin.withKey(null).get("/js/api.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aWebSessionNeedsTheCsrfTokenToChangeAnythingAndEndsWhenItsKeyIsRevokedOrOnLogout() {
        Browser browser = new Browser();
        TestHttp analyst = admin.newUser("ANALYST");
        assertThat(browser.get("/login.html").statusCode()).isEqualTo(200);
        assertProblem(browser.postForm("/login", "key=" + analyst.key(), false), 403, "csrf-token-invalid");
        assertProblem(browser.postForm("/login", "key=wrong-key", true), 401, "unauthorized");
        assertThat(browser.postForm("/login", "key=" + analyst.key(), true).statusCode()).isEqualTo(204);

        assertThat(browser.get("/api/v1/probes").statusCode()).isEqualTo(200);
        browser.get("/");
        String unknownScan = "/api/v1/scans/" + UUID.randomUUID() + "/cancel";
        assertProblem(browser.postForm(unknownScan, "", false), 403, "csrf-token-invalid");
        assertProblem(browser.postForm(unknownScan, "", true), 404, "scan-not-found");

        String keyId = jdbc.sql("select id::text from api_key where key_hash = ?").param(sha256Hex(analyst.key()))
                .query(String.class).single();
        assertThat(admin.send("DELETE", "/api/v1/keys/" + keyId, "application/json", "").statusCode())
                .isEqualTo(204);
        assertProblem(browser.get("/api/v1/probes"), 401, "unauthorized");

        browser.get("/login.html");
        assertThat(browser.postForm("/login", "key=" + TestHttp.ADMIN_KEY, true).statusCode()).isEqualTo(204);
        browser.get("/");
        assertThat(browser.get("/api/v1/probes").statusCode()).isEqualTo(200);
        assertThat(browser.postForm("/logout", "", true).statusCode()).isEqualTo(204);
        assertProblem(browser.get("/api/v1/probes"), 401, "unauthorized");
    }

    /** A cookie-keeping client that behaves like the web UI: no Authorization header, the CSRF cookie echoed. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(admin.uri(path)).GET());
        }

        HttpResponse<String> postForm(String path, String form, boolean withCsrfToken) {
            HttpRequest.Builder request = HttpRequest.newBuilder(admin.uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (withCsrfToken) {
                String token = cookies.getCookieStore().getCookies().stream()
                        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                        .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
                request.header("X-XSRF-TOKEN", token);
            }
            return send(request);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String upload(TestHttp as, String name, byte[] content, String tag) {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        HttpResponse<String> response = as.upload(new TestHttp.Multipart().file(name, content)
                .field("probes", "secprobe").field("tags", tag));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("id").asString();
    }

    private HttpResponse<byte[]> sendForBytes(String path) {
        try {
            return admin.client().send(admin.authorized(HttpRequest.newBuilder(admin.uri(path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String ownUsername(TestHttp as) {
        return jdbc.sql("select username from api_key where key_hash = ?").param(sha256Hex(as.key()))
                .query(String.class).single();
    }

    private static List<String> ids(HttpResponse<String> page) {
        return json(page).get("items").valueStream().map(scan -> scan.get("id").asString()).toList();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
