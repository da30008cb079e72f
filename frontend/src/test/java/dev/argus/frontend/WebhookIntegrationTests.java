package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.sha256;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.uniqueContent;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.Category;
import dev.argus.common.store.FileStore;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.scan.ScanWatchdogs;
import dev.argus.frontend.web.ApiException;
import dev.argus.messaging.MessagePublisher;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against real PostgreSQL, RabbitMQ and FTP: the test plays the probe (its results go over the broker to
 * the frontend) and the receiver, a real HTTP server on 127.0.0.1, which {@code argus.webhooks.allowed-hosts} lets
 * through the outbound rule. Backoffs are short so retries happen within a test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.webhooks.allowed-hosts=127.0.0.1", "argus.webhooks.initial-backoff=200ms",
                "argus.webhooks.max-backoff=1s", "argus.webhooks.poll-interval=100ms",
                "argus.webhooks.request-timeout=5s"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class WebhookIntegrationTests {

    private static final String PROBE = "hookprobe";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    ProbeDirectory probeDirectory;
    @Autowired
    MessagePublisher publisher;
    @Autowired
    FileStore fileStore;
    @Autowired
    ApplicationContext context;

    ArgusTestClient admin;
    WebhookReceiver receiver;

    @BeforeEach
    void knowAProbeAndStartAReceiver() {
        admin = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        TestFixtures.markProbeOnline(jdbc, PROBE);
        await().until(() -> {
            try {
                return probeDirectory.resolve(List.of(PROBE)).equals(List.of(PROBE));
            } catch (ApiException e) {
                return false;
            }
        });
        receiver = WebhookReceiver.started();
    }

    /** A delivery left pending would go on calling its port, which a later test's receiver may get. */
    @AfterEach
    void stopTheReceiverAndGiveUpWhatIsLeft() {
        receiver.close();
        jdbc.sql("update webhook_delivery set status = 'failed', last_error = 'test over', next_attempt_at = null"
                + " where status = 'pending'").update();
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
    }

    @Test
    void aFinishedScansCallbackGetsOneSignedPostThatVerifiesWithTheDocumentedRecipe() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String secret = callbackSecret(ana);
        byte[] content = uniqueContent();
        String path = "/callback/" + UUID.randomUUID();

        UUID scan = upload(ana, content, receiver.url() + path);
        finish(scan, content, Category.MALICIOUS);

        await().untilAsserted(() -> assertThat(delivery(ana, scan).get("status").asString())
                .isEqualTo("delivered"));
        List<WebhookReceiver.Received> posts = receiver.at(path);
        assertThat(posts).as("one POST per delivered delivery, none after").hasSize(1);
        WebhookReceiver.Received post = posts.getFirst();
        assertThat(verify(secret, post)).as("the signature verifies with the callback secret").isTrue();
        assertThat(verify(secret.replace('_', '-'), post)).as("and not with another key").isFalse();
        assertThat(post.header("X-Argus-Event")).isEqualTo("scan.finished");
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = payload(post);
        assertThat(body.get("event").asString()).isEqualTo("scan.finished");
        assertThat(body.get("deliveryId").asString()).isEqualTo(post.header("X-Argus-Delivery"));
        JsonNode summary = body.get("scan");
        assertThat(summary.get("id").asString()).isEqualTo(scan.toString());
        assertThat(summary.get("status").asString()).isEqualTo("finished");
        assertThat(summary.get("owner").asString()).isEqualTo(username(ana));
        assertThat(summary.get("finishedAt").isNull()).isFalse();
        assertThat(summary.get("link").asString()).isEqualTo("/api/v1/scans/" + scan);
        assertThat(summary.get("counts").get("files").asInt()).isEqualTo(1);
        JsonNode file = summary.get("files").get(0);
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(content));
        assertThat(file.get("name").asString()).isEqualTo("hook.bin");
        // the verdict the API shows (a model other tests trained in this database may judge it, not the threshold)
        JsonNode verdict = json(ana.get("/api/v1/scans/" + scan)).get("files").get(0).get("verdict");
        assertThat(file.get("verdict").get("label")).isEqualTo(verdict.get("label"));
        assertThat(file.get("verdict").get("confidence")).isEqualTo(verdict.get("confidence"));
        assertThat(summary.get("counts").get(verdict.get("label").asString()).asInt()).isEqualTo(1);

        JsonNode delivery = delivery(ana, scan);
        assertThat(delivery.get("kind").asString()).isEqualTo("callback");
        assertThat(delivery.get("url").asString()).isEqualTo(receiver.url() + path);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(delivery.get("deliveredAt").isNull()).isFalse();
        assertThat(delivery.get("id").asString()).isEqualTo(post.header("X-Argus-Delivery"));
    }

    @Test
    void aSubscriptionGetsAPostForEveryFinishedScanOfItsUserAndNoneForOthers() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        ArgusTestClient bob = admin.newUser("ANALYST");
        String path = "/subscription/" + UUID.randomUUID();
        HttpResponse<String> subscribed = ana.postJson("/api/v1/webhooks",
                "{\"url\":\"" + receiver.url() + path + "\",\"description\":\"ana's SIEM\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String secret = json(subscribed).get("secret").asString();
        String subscription = json(subscribed).get("id").asString();
        assertThat(json(subscribed).get("events").toString()).isEqualTo("[\"scan.finished\",\"scan.cancelled\"]");

        byte[] first = uniqueContent();
        byte[] second = uniqueContent();
        UUID finished = upload(ana, first, null);
        UUID alsoFinished = upload(ana, second, null);
        UUID cancelled = upload(ana, uniqueContent(), null);
        UUID bobs = upload(bob, uniqueContent(), null);
        finish(finished, first, Category.UNDETECTED);
        finish(alsoFinished, second, Category.UNDETECTED);
        assertThat(ana.post("/api/v1/scans/" + cancelled + "/cancel").statusCode()).isEqualTo(200);
        admin.post("/api/v1/scans/" + bobs + "/cancel");

        await().untilAsserted(() -> assertThat(receiver.at(path)).hasSize(3));
        assertThat(receiver.at(path)).allSatisfy(post -> assertThat(verify(secret, post)).isTrue());
        assertThat(receiver.at(path).stream().map(p -> payload(p).get("scan").get("id").asString()))
                .containsExactlyInAnyOrder(finished.toString(), alsoFinished.toString(), cancelled.toString());
        assertThat(receiver.at(path).stream().filter(p -> p.header("X-Argus-Event").equals("scan.cancelled"))
                .map(p -> payload(p).get("scan").get("id").asString())).containsExactly(cancelled.toString());
        await().untilAsserted(() -> assertThat(delivery(ana, finished).get("status").asString())
                .isEqualTo("delivered"));
        assertThat(deliveries(admin, bobs).isEmpty()).as("bob has no subscription").isTrue();
        assertThat(delivery(ana, finished).get("subscriptionId").asString()).isEqualTo(subscription);

        HttpResponse<String> listed = ana.get("/api/v1/webhooks");
        assertThat(json(listed).size()).isEqualTo(1);
        assertThat(listed.body()).doesNotContain(secret).contains("ana's SIEM");
        assertThat(json(bob.get("/api/v1/webhooks")).isEmpty()).isTrue();
        assertProblem(bob.get("/api/v1/webhooks?user=" + username(ana)), 403, "forbidden");
        assertThat(admin.get("/api/v1/webhooks?user=" + username(ana)).body()).contains(subscription)
                .doesNotContain(secret);
        assertProblem(delete(bob, subscription), 404, "webhook-not-found");
        assertThat(delete(ana, subscription).statusCode()).isEqualTo(204);
        UUID afterDelete = upload(ana, uniqueContent(), null);
        ana.post("/api/v1/scans/" + afterDelete + "/cancel");
        assertThat(deliveries(ana, afterDelete).isEmpty()).as("a deleted subscription gets nothing new").isTrue();
    }

    @Test
    void aScanTheWatchdogFinishesPastItsDeadlineIsDeliveredToo() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String secret = callbackSecret(ana);
        UUID scan = upload(ana, uniqueContent(), receiver.url() + "/overdue");
        // past the test's scan deadline (3650 days) plus its grace: the probe never answers
        jdbc.sql("update scan set created_at = now() - interval '3651 days' where id = ?").param(scan).update();

        ScanWatchdogs.sweep(context);

        await().untilAsserted(() -> assertThat(receiver.at("/overdue")).hasSize(1));
        WebhookReceiver.Received post = receiver.at("/overdue").getFirst();
        assertThat(verify(secret, post)).isTrue();
        assertThat(post.header("X-Argus-Event")).isEqualTo("scan.finished");
        assertThat(payload(post).get("scan").get("id").asString()).isEqualTo(scan.toString());
        assertThat(payload(post).get("scan").get("status").asString()).isEqualTo("finished");
    }

    @Test
    void aReceiverThatIsDownGetsTheDeliveryOnceItIsBackOnTheSamePort() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String secret = callbackSecret(ana);
        try (WebhookReceiver later = WebhookReceiver.down()) {
            byte[] content = uniqueContent();
            UUID scan = upload(ana, content, later.url() + "/late");
            finish(scan, content, Category.UNDETECTED);

            // down for a minute of the delivery's life, retried all along (backoff at most 1 s here)
            await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
                JsonNode delivery = delivery(ana, scan);
                assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
                assertThat(Duration.between(Instant.parse(delivery.get("createdAt").asString()),
                        Instant.parse(delivery.get("lastAttemptAt").asString()))).isGreaterThan(Duration.ofMinutes(1));
                assertThat(delivery.get("status").asString()).isEqualTo("pending");
                assertThat(delivery.get("lastError").asString()).startsWith("connection failed");
                assertThat(delivery.get("lastStatus").isNull()).isTrue();
                assertThat(delivery.get("nextAttemptAt").isNull()).isFalse();
            });
            later.start();

            await().untilAsserted(() -> assertThat(delivery(ana, scan).get("status").asString())
                    .isEqualTo("delivered"));
            assertThat(later.at("/late")).hasSize(1);
            assertThat(verify(secret, later.at("/late").getFirst())).isTrue();
        }
    }

    @Test
    void aReceiverAnswering500IsRetriedWithTheSameDeliveryId() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        callbackSecret(ana);
        receiver.answer(n -> n <= 2 ? 500 : 204);
        byte[] content = uniqueContent();
        UUID scan = upload(ana, content, receiver.url() + "/flaky");
        finish(scan, content, Category.UNDETECTED);

        await().untilAsserted(() -> assertThat(delivery(ana, scan).get("status").asString())
                .isEqualTo("delivered"));
        JsonNode delivery = delivery(ana, scan);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(204);
        assertThat(receiver.at("/flaky")).hasSize(3)
                .allSatisfy(post -> assertThat(post.header("X-Argus-Delivery"))
                        .isEqualTo(delivery.get("id").asString()));
    }

    @Test
    void aDeliveryPastItsDeadlineIsFailedAndShownSo() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        callbackSecret(ana);
        receiver.answer(n -> 500);
        byte[] content = uniqueContent();
        UUID scan = upload(ana, content, receiver.url() + "/broken");
        finish(scan, content, Category.UNDETECTED);
        await().untilAsserted(() -> assertThat(delivery(ana, scan).get("attempts").asInt()).isPositive());
        // the test's 24 h default deadline would outlast it: this delivery's ends in a second
        jdbc.sql("update webhook_delivery set deadline_at = now() + interval '1 second' where scan_id = ?")
                .param(scan).update();

        await().untilAsserted(() -> assertThat(delivery(ana, scan).get("status").asString())
                .isEqualTo("failed"));
        JsonNode delivery = delivery(ana, scan);
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(500);
        assertThat(delivery.get("lastError").asString()).contains("HTTP 500").contains("deadline");
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        int attempts = delivery.get("attempts").asInt();
        assertThat(receiver.at("/broken")).hasSize(attempts);
    }

    @Test
    void refusesInternalCallbackTargetsThatAreNotAllowedAndRecordsNothing() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        callbackSecret(ana);
        long before = scansOf(ana);
        for (String url : List.of("http://127.0.0.2/", "http://[::1]:8080/", "http://10.1.2.3/", "http://172.16.0.9/",
                "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/",
                "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://[::ffff:10.0.0.1]/",
                "http://224.0.0.1/", "https://metadata.invalid/")) {
            byte[] content = uniqueContent();
            HttpResponse<String> refused = ana.upload(new Multipart().file("x.bin", content)
                    .field("probes", PROBE).field("callbackUrl", url));
            assertProblem(refused, 400, "invalid-field");
            assertThat(json(refused).get("detail").asString()).as(url).contains("'callbackUrl'");
            assertThat(fileStore.exists(sha256(content))).as("not stored: " + url).isFalse();
        }
        assertProblem(ana.postJson("/api/v1/webhooks", "{\"url\":\"http://169.254.169.254/\"}"), 400,
                "invalid-field");
        assertThat(scansOf(ana)).isEqualTo(before);
    }

    @Test
    void aTargetTheOutboundRuleRefusesAtDeliveryTimeFailsWithoutARequest() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        callbackSecret(ana);
        byte[] content = uniqueContent();
        UUID scan = upload(ana, content, receiver.url() + "/moved");
        // what a host whose DNS answer turned internal after submission looks like to the dispatcher
        jdbc.sql("update scan set callback_url = 'http://169.254.169.254/latest/meta-data/' where id = ?")
                .param(scan).update();
        finish(scan, content, Category.UNDETECTED);

        await().untilAsserted(() -> assertThat(delivery(ana, scan).get("status").asString()).isEqualTo("failed"));
        JsonNode delivery = delivery(ana, scan);
        assertThat(delivery.get("lastError").asString()).contains("outbound rule").contains("no request sent")
                .contains("169.254.169.254");
        assertThat(delivery.get("lastStatus").isNull()).isTrue();
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(receiver.at("/moved")).isEmpty();
    }

    @Test
    void rejectsMalformedCallbacksAndSubscriptionsWith400NamingTheField() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        byte[] known = uniqueContent();
        HttpResponse<String> noSecretYet = ana.upload(new Multipart().file("x.bin", known).field("probes", PROBE)
                .field("callbackUrl", receiver.url() + "/x"));
        assertProblem(noSecretYet, 400, "invalid-field");
        assertThat(json(noSecretYet).get("detail").asString()).contains("callback-secret");
        callbackSecret(ana);
        long before = scansOf(ana);
        for (String url : List.of("ftp://example.com/", "not a url", "/relative/path", "http://user:pw@example.com/",
                "http://example.com/" + "a".repeat(2048), "mailto:a@example.com")) {
            HttpResponse<String> refused = ana.upload(new Multipart().file("x.bin", uniqueContent())
                    .field("probes", PROBE).field("callbackUrl", url));
            assertProblem(refused, 400, "invalid-field");
            assertThat(json(refused).get("detail").asString()).as(url).contains("'callbackUrl'");
        }
        assertProblem(ana.upload(new Multipart().file("x.bin", uniqueContent()).field("probes", PROBE)
                .field("callbackUrl", receiver.url()).field("callbackUrl", receiver.url())), 400, "invalid-field");
        HttpResponse<String> rescan = ana.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256(known)
                + "\"],\"probes\":[\"" + PROBE + "\"],\"callbackUrl\":\"gopher://example.com/\"}");
        assertProblem(rescan, 400, "invalid-field");
        assertThat(json(rescan).get("detail").asString()).contains("'callbackUrl'");
        assertThat(scansOf(ana)).isEqualTo(before);

        assertProblem(ana.postJson("/api/v1/webhooks", "{}"), 400, "invalid-field");
        assertProblem(ana.postJson("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"x\"]}"),
                400, "invalid-field");
        assertProblem(ana.postJson("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"description\":\""
                + "d".repeat(201) + "\"}"), 400, "invalid-field");
        assertThat(json(ana.get("/api/v1/webhooks")).isEmpty()).isTrue();
    }

    @Test
    void aRescanByJsonCanNameACallback() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String secret = callbackSecret(ana);
        byte[] content = uniqueContent();
        UUID first = upload(ana, content, null);
        finish(first, content, Category.UNDETECTED);
        HttpResponse<String> rescan = ana.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256(content)
                + "\"],\"probes\":[\"" + PROBE + "\"],\"force\":true,\"callbackUrl\":\"" + receiver.url()
                + "/rescan\"}");
        assertThat(rescan.statusCode()).as(rescan.body()).isEqualTo(202);
        UUID scan = UUID.fromString(json(rescan).get("id").asString());
        finish(scan, content, Category.SUSPICIOUS);

        await().untilAsserted(() -> assertThat(receiver.at("/rescan")).hasSize(1));
        assertThat(verify(secret, receiver.at("/rescan").getFirst())).isTrue();
        assertThat(payload(receiver.at("/rescan").getFirst()).get("scan").get("id").asString())
                .isEqualTo(scan.toString());
    }

    @Test
    void onlyAnalystsAndAdminsUseWebhooksAndOnlyTheOwnerOrAnAdminSeesAScansDeliveries() {
        ArgusTestClient reader = admin.newUser("READER");
        ArgusTestClient ana = admin.newUser("ANALYST");
        ArgusTestClient bob = admin.newUser("ANALYST");
        assertProblem(reader.postJson("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}"), 403,
                "forbidden");
        assertProblem(reader.get("/api/v1/webhooks"), 403, "forbidden");
        assertProblem(reader.post("/api/v1/webhooks/callback-secret"), 403, "forbidden");
        callbackSecret(ana);
        UUID scan = upload(ana, uniqueContent(), receiver.url() + "/roles");

        assertThat(ana.get("/api/v1/scans/" + scan + "/webhooks").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/scans/" + scan + "/webhooks").statusCode()).isEqualTo(200);
        assertProblem(bob.get("/api/v1/scans/" + scan + "/webhooks"), 404, "scan-not-found");
        assertProblem(reader.get("/api/v1/scans/" + scan + "/webhooks"), 403, "forbidden");
        assertProblem(ana.get("/api/v1/scans/" + UUID.randomUUID() + "/webhooks"), 404, "scan-not-found");
    }

    @Test
    void secretsAppearNeitherInLogsNorAfterCreation(CapturedOutput output) {
        ArgusTestClient ana = admin.newUser("ANALYST");
        String callbackSecret = callbackSecret(ana);
        String subscriptionSecret = json(ana.postJson("/api/v1/webhooks",
                "{\"url\":\"" + receiver.url() + "/logs\"}")).get("secret").asString();
        byte[] content = uniqueContent();
        UUID scan = upload(ana, content, receiver.url() + "/logs-callback");
        finish(scan, content, Category.UNDETECTED);

        await().until(() -> receiver.at("/logs").size() == 1 && receiver.at("/logs-callback").size() == 1);
        await().until(() -> deliveries(ana, scan).size() == 2 && deliveries(ana, scan).valueStream()
                .allMatch(d -> d.get("status").asString().equals("delivered")));
        assertThat(output.getAll()).contains("delivered to " + receiver.url() + "/logs")
                .doesNotContain(callbackSecret, subscriptionSecret);
        assertThat(ana.get("/api/v1/webhooks").body()).doesNotContain(subscriptionSecret);
        assertThat(ana.get("/api/v1/scans/" + scan + "/webhooks").body())
                .doesNotContain(callbackSecret, subscriptionSecret);
        assertThat(admin.get("/api/v1/webhooks").body()).doesNotContain(subscriptionSecret);
    }

    /** The recipe docs/api.md gives: HMAC-SHA256(secret, timestamp + "." + body), hex, after "sha256=". */
    static boolean verify(String secret, WebhookReceiver.Received post) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((post.header("X-Argus-Timestamp") + "." + post.body())
                    .getBytes(StandardCharsets.UTF_8));
            return ("sha256=" + HexFormat.of().formatHex(expected)).equals(post.header("X-Argus-Signature"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode payload(WebhookReceiver.Received post) {
        return ArgusJson.mapper().readTree(post.body());
    }

    private static String callbackSecret(ArgusTestClient as) {
        HttpResponse<String> created = as.post("/api/v1/webhooks/callback-secret");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = json(created).get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        return secret;
    }

    private UUID upload(ArgusTestClient as, byte[] content, String callbackUrl) {
        Multipart form = new Multipart().file("hook.bin", content).field("probes", PROBE);
        if (callbackUrl != null) {
            form.field("callbackUrl", callbackUrl);
        }
        HttpResponse<String> response = as.upload(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json(response).get("id").asString());
    }

    /** Plays the probe: its one answer finishes the scan. */
    private void finish(UUID scan, byte[] content, Category category) {
        ResultMessages.publishFromProbe(publisher, PROBE,
                ResultMessages.answer(scan, sha256(content), PROBE, category, category == Category.MALICIOUS
                        ? "Test-Signature" : null));
    }

    private static HttpResponse<String> delete(ArgusTestClient as, String subscription) {
        return as.send(HttpRequest.newBuilder(as.uri("/api/v1/webhooks/" + subscription)).DELETE());
    }

    /** The scan's one delivery, once it exists. */
    private static JsonNode delivery(ArgusTestClient as, UUID scan) {
        JsonNode deliveries = deliveries(as, scan);
        assertThat(deliveries.size()).as("deliveries of scan " + scan).isEqualTo(1);
        return deliveries.get(0);
    }

    private static JsonNode deliveries(ArgusTestClient as, UUID scan) {
        HttpResponse<String> response = as.get("/api/v1/scans/" + scan + "/webhooks");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private long scansOf(ArgusTestClient as) {
        return jdbc.sql("select count(*) from scan where owner = ?").param(username(as)).query(Long.class).single();
    }

    private String username(ArgusTestClient as) {
        return jdbc.sql("select username from api_key where key_hash = ?")
                .param(AbstractSecurityIntegrationTests.sha256Hex(as.key())).query(String.class).single();
    }
}
