package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.sha256;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.uniqueContent;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Quotas per user, not per key (issue 17): each limit is reached with two keys of one user and answered 429 with
 * the limit's name, value and reset; every way in to a scan counts; event streams end when their key is revoked
 * or their user disabled.
 */
class UserQuotaIntegrationTests extends AbstractSecurityIntegrationTests {

    @Test
    void scansPerDayAreCountedPerUserAcrossItsKeysAndEveryWayIn() {
        ArgusTestClient first = admin.newUser("ANALYST");
        String name = ownUsername(first);
        ArgusTestClient second = secondKey(first, name);
        setQuotas(name, "{\"scans-per-day\":3}");

        assertThat(submit(first, uniqueContent()).statusCode()).isEqualTo(202);
        byte[] known = uniqueContent();
        assertThat(submit(second, known).statusCode()).isEqualTo(202);
        HttpResponse<String> rescan = second.postJson("/api/v1/scans",
                "{\"sha256\":[\"" + sha256(known) + "\"],\"probes\":[\"secprobe\"],\"force\":true}");
        assertThat(rescan.statusCode()).as(rescan.body()).isEqualTo(202);

        HttpResponse<String> refused = first.upload(new Multipart().file("q.bin", uniqueContent())
                .field("probes", "secprobe"));

        assertQuota(refused, "scans-per-day", 3);
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(Instant.parse(json(refused).get("resetsAt").asString())).isEqualTo(midnight);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, Duration.ofDays(1).toSeconds() + 1);
        assertQuota(second.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256(known) + "\"],\"force\":true}"),
                "scans-per-day", 3);
        Multipart vt = new Multipart().file("vt.bin", uniqueContent());
        HttpResponse<String> viaVirusTotalApi = second.send(second.authorized(HttpRequest.newBuilder(
                        second.uri("/api/v3/files")).header("Content-Type", vt.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(vt.body()))));
        assertThat(viaVirusTotalApi.statusCode()).as(viaVirusTotalApi.body()).isEqualTo(429);
        assertThat(viaVirusTotalApi.body()).contains("QuotaExceededError");
        assertThat(admin.upload(new Multipart().file("a.bin", uniqueContent()).field("probes", "secprobe"))
                .statusCode()).as("another user is not limited").isEqualTo(202);
        assertThat(jdbc.sql("select scans from user_usage where username = :u").param("u", name)
                .query(Long.class).single()).as("refused scans count nothing").isEqualTo(3);
    }

    @Test
    void bytesPerDayAreCountedPerUserAndRefusedBeforeAnythingIsStored() {
        ArgusTestClient first = admin.newUser("ANALYST");
        String name = ownUsername(first);
        ArgusTestClient second = secondKey(first, name);
        setQuotas(name, "{\"bytes-per-day\":100}");
        byte[] sixty = new byte[60];
        System.arraycopy(uniqueContent(), 0, sixty, 0, 56);
        byte[] another = new byte[60];
        System.arraycopy(uniqueContent(), 0, another, 0, 56);

        assertThat(submit(first, sixty).statusCode()).isEqualTo(202);
        HttpResponse<String> refused = submit(second, another);

        assertQuota(refused, "bytes-per-day", 100);
        assertThat(json(refused).get("resetsAt").isNull()).isFalse();
        assertThat(jdbc.sql("select count(*) from file where sha256 = :s").param("s", sha256(another))
                .query(Long.class).single()).isZero();
    }

    @Test
    void concurrentScansAreCountedFromTheUsersUnfinishedScans() {
        ArgusTestClient first = admin.newUser("ANALYST");
        String name = ownUsername(first);
        ArgusTestClient second = secondKey(first, name);
        setQuotas(name, "{\"concurrent-scans\":1}");
        HttpResponse<String> running = submit(first, uniqueContent());
        assertThat(running.statusCode()).isEqualTo(202);

        HttpResponse<String> refused = submit(second, uniqueContent());

        assertQuota(refused, "concurrent-scans", 1);
        assertThat(json(refused).has("resetsAt")).as("it frees up when a scan ends, not at a time").isFalse();
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(first.post("/api/v1/scans/" + json(running).get("id").asString() + "/cancel").statusCode())
                .isEqualTo(200);
        assertThat(submit(second, uniqueContent()).statusCode()).isEqualTo(202);
    }

    @Test
    void openEventStreamsAreLimitedPerUser() {
        ArgusTestClient first = admin.newUser("ANALYST");
        String name = ownUsername(first);
        ArgusTestClient second = secondKey(first, name);
        String scan = json(submit(first, uniqueContent())).get("id").asString();
        setQuotas(name, "{\"event-streams\":1}");
        Stream open = Stream.open(first, scan);

        assertQuota(second.get("/api/v1/scans/" + scan + "/events"), "event-streams", 1);

        setQuotas(name, "{\"event-streams\":null}");
        assertThat(json(admin.get("/api/v1/users")).valueStream()
                .filter(u -> u.get("username").asString().equals(name)).findFirst().orElseThrow()
                .get("quotas").has("event-streams")).as("null restores the default").isFalse();
        assertThat(open.ended.isDone()).isFalse();
    }

    @Test
    void anEventStreamEndsWhenItsKeyIsRevokedOrItsUserDisabled() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String name = ownUsername(ana);
        ArgusTestClient second = secondKey(ana, name);
        String scan = json(submit(ana, uniqueContent())).get("id").asString();
        Stream byRevokedKey = Stream.open(second, scan);
        Stream byOtherKey = Stream.open(ana, scan);

        String secondId = json(ana.get("/api/v1/users/" + name + "/keys")).valueStream()
                .filter(k -> k.get("name").asString().equals("second")).findFirst().orElseThrow()
                .get("id").asString();
        assertThat(ana.send("DELETE", "/api/v1/keys/" + secondId, "application/json", "").statusCode())
                .isEqualTo(204);

        await().until(byRevokedKey.ended::isDone);
        assertThat(byOtherKey.ended.isDone()).as("a stream of another key stays open").isFalse();

        assertThat(admin.send("PATCH", "/api/v1/users/" + name, "application/json", "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);

        await().until(byOtherKey.ended::isDone);
        assertThat(byOtherKey.lines).contains("event:scan");
        admin.send("PATCH", "/api/v1/users/" + name, "application/json", "{\"enabled\":true}");
    }

    @Test
    void anEventStreamEndsAtThePeriodicCheckWhenAnotherFrontendRevokedItsKey() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String name = ownUsername(ana);
        String scan = json(submit(ana, uniqueContent())).get("id").asString();
        Stream stream = Stream.open(ana, scan);

        // another frontend's revocation: only the shared database changes, this frontend publishes nothing
        jdbc.sql("update api_key set revoked_at = now() where username = :u").param("u", name).update();

        await().atMost(Duration.ofSeconds(60)).until(stream.ended::isDone);
    }

    @Test
    void quotasInAPatchAreValidated() {
        String name = ownUsername(admin.newUser("READER"));
        assertProblem(admin.send("PATCH", "/api/v1/users/" + name, "application/json",
                "{\"quotas\":{\"scans-per-year\":1}}"), 400, "invalid-field");
        assertProblem(admin.send("PATCH", "/api/v1/users/" + name, "application/json",
                "{\"quotas\":{\"scans-per-day\":-1}}"), 400, "invalid-field");
        assertProblem(admin.send("PATCH", "/api/v1/users/" + name, "application/json",
                "{\"quotas\":{\"scans-per-day\":\"many\"}}"), 400, "invalid-field");
        assertProblem(admin.send("PATCH", "/api/v1/users/" + name, "application/json", "{\"quotas\":[]}"), 400,
                "invalid-field");
    }

    private HttpResponse<String> submit(ArgusTestClient as, byte[] content) {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        return as.upload(new Multipart().file("f.bin", content).field("probes", "secprobe"));
    }

    private ArgusTestClient secondKey(ArgusTestClient as, String name) {
        HttpResponse<String> created = as.postJson("/api/v1/users/" + name + "/keys", "{\"name\":\"second\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return as.withKey(json(created).get("key").asString());
    }

    private void setQuotas(String name, String quotas) {
        HttpResponse<String> patched = admin.send("PATCH", "/api/v1/users/" + name, "application/json",
                "{\"quotas\":" + quotas + "}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    }

    private static void assertQuota(HttpResponse<String> response, String limit, long value) {
        assertProblem(response, 429, "quota-exceeded");
        JsonNode problem = json(response);
        assertThat(problem.get("limit").asString()).isEqualTo(limit);
        assertThat(problem.get("value").asLong()).isEqualTo(value);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    /** An open event stream, read in the background until the server ends it. */
    private record Stream(List<String> lines, CompletableFuture<Integer> ended) {

        static Stream open(ArgusTestClient as, String scan) {
            List<String> lines = new CopyOnWriteArrayList<>();
            HttpRequest request = as.authorized(HttpRequest.newBuilder(as.uri("/api/v1/scans/" + scan + "/events"))
                    .header("Accept", "text/event-stream")).build();
            CompletableFuture<Integer> ended = as.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenApplyAsync(response -> {
                        response.body().forEach(lines::add);
                        return response.statusCode();
                    });
            await().until(() -> lines.contains("event:scan"));
            return new Stream(lines, ended);
        }
    }
}
