package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Managing users (issue 17): listing them, changing role and enabled state with the last enabled admin protected,
 * keys that expire, the cap on keys per user, and revoking all keys of a user; each change in the audit log.
 */
class UserManagementIntegrationTests extends AbstractSecurityIntegrationTests {

    @Test
    void anAdminListsUsersAndChangesARoleWithMergeSemantics() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String name = ownUsername(ana);

        JsonNode listed = user(admin.get("/api/v1/users"), name);
        assertThat(listed.get("role").asString()).isEqualTo("ANALYST");
        assertThat(listed.get("enabled").asBoolean()).isTrue();
        assertThat(listed.get("keys").asLong()).isEqualTo(1);
        assertThat(listed.get("createdAt").isNull()).isFalse();
        assertThat(audit("user-created")).contains(name);
        assertProblem(ana.get("/api/v1/users"), 403, "forbidden");
        assertProblem(ana.send("PATCH", "/api/v1/users/" + name, "application/json", "{\"role\":\"ADMIN\"}"), 403,
                "forbidden");

        HttpResponse<String> demoted = patch(name, "{\"role\":\"reader\"}");

        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
        assertThat(json(demoted).get("role").asString()).isEqualTo("READER");
        assertThat(json(demoted).get("enabled").asBoolean()).as("a member not sent is left alone").isTrue();
        assertProblem(ana.postJson("/api/v1/scans", "{\"sha256\":[\"" + "0".repeat(64) + "\"]}"), 403, "forbidden");
        assertThat(audit("user-role-changed")).contains(name).contains("ANALYST -> READER");
        assertProblem(patch(name, "{\"role\":\"ROOT\"}"), 400, "invalid-field");
        assertProblem(patch(name, "{\"name\":\"x\"}"), 400, "invalid-field");
        assertProblem(patch(name, "{\"enabled\":\"no\"}"), 400, "invalid-field");
        assertProblem(patch(name, "{}"), 400, "invalid-field");
        assertProblem(patch("nobody-" + UUID.randomUUID().toString().substring(0, 8), "{\"enabled\":false}"), 404,
                "user-not-found");
        assertThat(json(admin.get("/api/v1/users/" + name + "/keys")).size()).isEqualTo(1);
    }

    @Test
    void aDisabledUsersKeysAreRefusedAtOnceAndWorkAgainWhenItIsEnabled() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String name = ownUsername(ana);
        assertThat(ana.get("/api/v1/probes").statusCode()).isEqualTo(200);
        WebSessionIntegrationTests.Browser browser = new WebSessionIntegrationTests.Browser(admin);
        browser.get("/login.html");
        assertThat(browser.postForm("/login", "key=" + ana.key(), true).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/v1/probes").statusCode()).isEqualTo(200);

        assertThat(patch(name, "{\"enabled\":false}").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = ana.get("/api/v1/probes");
        assertProblem(refused, 401, "unauthorized");
        assertThat(json(refused).get("detail").asString()).contains("disabled");
        assertProblem(browser.get("/api/v1/probes"), 401, "unauthorized");
        browser.get("/login.html");
        assertProblem(browser.postForm("/login", "key=" + ana.key(), true), 401, "unauthorized");
        assertThat(user(admin.get("/api/v1/users"), name).get("enabled").asBoolean()).isFalse();
        assertThat(audit("user-disabled")).contains(name);

        assertThat(patch(name, "{\"enabled\":true}").statusCode()).isEqualTo(200);

        assertThat(ana.get("/api/v1/probes").statusCode()).isEqualTo(200);
        assertThat(browser.postForm("/login", "key=" + ana.key(), true).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/v1/probes").statusCode()).isEqualTo(200);
        assertThat(audit("user-enabled")).contains(name);
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        ArgusTestClient other = admin.newUser("ADMIN");
        String otherName = ownUsername(other);
        String self = ownUsername(admin);
        // admins that earlier tests made are left disabled, so that the bootstrap admin and 'other' are the only ones
        jdbc.sql("update app_user set enabled = false where role = 'ADMIN' and username not in (:self, :other)")
                .param("self", self).param("other", otherName).update();

        assertThat(patch(otherName, "{\"role\":\"ANALYST\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> demoteSelf = patch(self, "{\"role\":\"ANALYST\"}");
        assertProblem(demoteSelf, 409, "last-admin");
        assertProblem(patch(self, "{\"enabled\":false}"), 409, "last-admin");
        assertThat(admin.get("/api/v1/users").statusCode()).as("still an enabled admin").isEqualTo(200);
        assertThat(patch(self, "{\"enabled\":true,\"role\":\"ADMIN\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredKeyIsRefusedWith401SayingItExpired() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String name = ownUsername(ana);
        HttpResponse<String> created = ana.postJson("/api/v1/users/" + name + "/keys",
                "{\"name\":\"short-lived\",\"expiresInDays\":1}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Instant expiresAt = Instant.parse(json(created).get("expiresAt").asString());
        assertThat(expiresAt).isBetween(Instant.now().plus(23, ChronoUnit.HOURS), Instant.now().plus(25, ChronoUnit.HOURS));
        ArgusTestClient shortLived = ana.withKey(json(created).get("key").asString());
        assertThat(shortLived.get("/api/v1/probes").statusCode()).isEqualTo(200);

        // a day passes: the key's expiry is moved into the past
        jdbc.sql("update api_key set expires_at = now() - interval '1 second' where id = :id")
                .param("id", UUID.fromString(json(created).get("id").asString())).update();

        HttpResponse<String> refused = shortLived.get("/api/v1/probes");
        assertProblem(refused, 401, "unauthorized");
        assertThat(json(refused).get("detail").asString()).contains("expired");
        assertThat(ana.get("/api/v1/probes").statusCode()).as("the user's other key").isEqualTo(200);
        assertProblem(ana.postJson("/api/v1/users/" + name + "/keys",
                "{\"name\":\"x\",\"expiresAt\":\"2000-01-01T00:00:00Z\"}"), 400, "invalid-field");
        assertProblem(ana.postJson("/api/v1/users/" + name + "/keys",
                "{\"name\":\"x\",\"expiresAt\":\"2999-01-01T00:00:00Z\",\"expiresInDays\":3}"), 400, "invalid-field");
        assertProblem(ana.postJson("/api/v1/users/" + name + "/keys", "{\"name\":\"x\",\"expiresInDays\":0}"), 400,
                "invalid-field");
    }

    @Test
    void keysPerUserAreCappedAndAUserRevokesAllItsKeys() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String name = ownUsername(ana);
        String lastKey = null;
        for (int i = 1; i < 20; i++) { // argus.security.max-keys-per-user defaults to 20; newUser made the first
            HttpResponse<String> created = ana.postJson("/api/v1/users/" + name + "/keys", "{\"name\":\"k" + i + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            lastKey = json(created).get("key").asString();
        }

        HttpResponse<String> capped = ana.postJson("/api/v1/users/" + name + "/keys", "{\"name\":\"one-too-many\"}");

        assertProblem(capped, 409, "key-limit-reached");
        assertThat(json(capped).get("maxKeys").asInt()).isEqualTo(20);

        HttpResponse<String> revoked = ana.send("DELETE", "/api/v1/users/" + name + "/keys", "application/json", "");

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json(revoked).get("revoked").asInt()).isEqualTo(20);
        assertProblem(ana.get("/api/v1/probes"), 401, "unauthorized");
        assertProblem(ana.withKey(lastKey).get("/api/v1/probes"), 401, "unauthorized");
        assertThat(audit("keys-revoked")).contains(name);
        HttpResponse<String> fresh = admin.postJson("/api/v1/users/" + name + "/keys", "{\"name\":\"fresh\"}");
        assertThat(fresh.statusCode()).as("the cap counts active keys only").isEqualTo(201);
        assertThat(ana.withKey(json(fresh).get("key").asString()).get("/api/v1/probes").statusCode()).isEqualTo(200);
        ArgusTestClient bob = admin.newUser("ANALYST");
        assertProblem(bob.send("DELETE", "/api/v1/users/" + name + "/keys", "application/json", ""), 403,
                "forbidden");
    }

    private HttpResponse<String> patch(String username, String body) {
        return admin.send("PATCH", "/api/v1/users/" + username, "application/json", body);
    }

    private String audit(String action) {
        HttpResponse<String> events = admin.get("/api/v1/admin/audit?action=" + action);
        assertThat(events.statusCode()).isEqualTo(200);
        return events.body();
    }

    private static JsonNode user(HttpResponse<String> list, String username) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json(list).valueStream().filter(u -> u.get("username").asString().equals(username)).findFirst()
                .orElseThrow();
    }
}
