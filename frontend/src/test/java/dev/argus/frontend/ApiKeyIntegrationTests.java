package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API keys: checked on every request, stored only as a hash, revocable at once; users and keys managed by role.
 */
class ApiKeyIntegrationTests extends AbstractSecurityIntegrationTests {

    @Test
    void aRevokedKeyIsRefusedAtOnceAndKeysAreStoredOnlyAsHashes() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String username = ownUsername(ana);
        HttpResponse<String> created = ana.postJson("/api/v1/users/" + username + "/keys", "{\"name\":\"laptop\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = json(created);
        assertThat(key.get("key").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(key.get("name").asString()).isEqualTo("laptop");
        ArgusTestClient laptop = ana.withKey(key.get("key").asString());

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
        ArgusTestClient ana = admin.newUser("ANALYST");
        ArgusTestClient bob = admin.newUser("READER");
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
        ArgusTestClient anonymous = admin.withKey(null);
        assertProblem(anonymous.get("/api/v1/probes"), 401, "unauthorized");
        assertProblem(admin.withKey("argus_not-a-key-at-all-but-long-enough-to-look-real").get("/api/v1/probes"),
                401, "unauthorized");
        HttpResponse<String> basic = anonymous.send(HttpRequest.newBuilder(admin.uri("/api/v1/probes"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertProblem(basic, 401, "unauthorized");
    }
}
