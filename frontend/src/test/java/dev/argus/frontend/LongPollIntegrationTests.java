package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.sha256;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.uniqueContent;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.frontend.scan.ScanWaiters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import dev.argus.messaging.MessagePublisher;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/scans/{id}?wait=…}: answers once the scan is no longer active or the wait ends, with the scan
 * as stored, under the same rules as without {@code wait}. The test plays a probe by publishing the result
 * that finishes the scan.
 */
class LongPollIntegrationTests extends AbstractSecurityIntegrationTests {

    @Autowired
    MessagePublisher publisher;
    @Autowired
    ScanWaiters waiters;

    @Test
    void aWaitOnAnActiveScanAnswersWhenItsLastResultIsRecorded() {
        byte[] content = uniqueContent();
        UUID id = UUID.fromString(upload(admin, "poll.bin", content, "poll"));
        CompletableFuture<HttpResponse<String>> poll = sendAsync(admin, "/api/v1/scans/" + id + "?wait=60s");
        // the request is parked (not answered) once its waiter is registered
        await().until(() -> waiters.waiting(id) == 1);
        assertThat(poll).isNotDone();

        report(id, sha256(content));

        HttpResponse<String> answered = poll.join();
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode scan = json(answered);
        assertThat(scan.get("status").asString()).isEqualTo("finished");
        assertThat(scan.get("files").get(0).get("results").get("secprobe").get("category").asString())
                .isEqualTo("malicious");
        assertThat(scan).as("the answer is the scan as stored").isEqualTo(json(admin.get("/api/v1/scans/" + id)));
        // an async answer still carries the security headers and the rate limit's count
        assertThat(answered.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answered.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answered.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        assertThat(waiters.waiting(id)).isZero();
    }

    @Test
    void aWaitOnAFinishedScanAnswersAtOnce() {
        byte[] content = uniqueContent();
        UUID id = UUID.fromString(upload(admin, "done.bin", content, "poll"));
        report(id, sha256(content));
        await().until(() -> json(admin.get("/api/v1/scans/" + id)).get("status").asString().equals("finished"));

        // a minute's wait that only ends this test if the answer does not wait for it
        HttpResponse<String> answered = sendAsync(admin, "/api/v1/scans/" + id + "?wait=1m")
                .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(json(answered)).isEqualTo(json(admin.get("/api/v1/scans/" + id)));
        assertThat(waiters.waiting(id)).isZero();
    }

    @Test
    void aWaitThatEndsAnswersWithTheRunningScan() {
        UUID id = UUID.fromString(upload(admin, "slow.bin", uniqueContent(), "poll"));

        HttpResponse<String> answered = admin.get("/api/v1/scans/" + id + "?wait=300ms");

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(json(answered).get("status").asString()).isEqualTo("queued");
        assertThat(json(answered).get("id").asString()).isEqualTo(id.toString());
        assertThat(waiters.waiting(id)).isZero();
        assertThat(admin.get("/api/v1/scans/" + id + "?wait=1").statusCode()).as("a bare number is seconds")
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/scans/" + id + "?wait=0ms").statusCode()).isEqualTo(200);
        assertThat(ScanWaiters.parseWait("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ScanWaiters.parseWait("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(ScanWaiters.parseWait("2m")).as("capped").isEqualTo(Duration.ofSeconds(60));
        assertThat(ScanWaiters.parseWait("99999999999999999999")).as("capped").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aMalformedWaitIs400() {
        UUID id = UUID.fromString(upload(admin, "bad.bin", uniqueContent(), "poll"));
        for (String wait : new String[] {"", "soon", "-1s", "1.5s", "30h", "10%20s", "1s,2s", "1e3s", "0x10s"}) {
            HttpResponse<String> response = admin.get("/api/v1/scans/" + id + "?wait=" + wait);
            assertProblem(response, 400, "invalid-parameter");
            assertThat(json(response).get("detail").asString()).as(wait).contains("'wait'");
        }
        assertThat(waiters.waiting(id)).isZero();
        assertProblem(admin.get("/api/v1/scans/not-a-uuid?wait=1s"), 400, "invalid-parameter");
    }

    @Test
    void anotherUsersScanIs404AndAnUnknownOneToo() {
        ArgusTestClient ana = admin.newUser("ANALYST");
        ArgusTestClient bob = admin.newUser("ANALYST");
        UUID id = UUID.fromString(upload(ana, "ana.bin", uniqueContent(), "poll"));

        assertProblem(bob.get("/api/v1/scans/" + id + "?wait=5s"), 404, "scan-not-found");
        assertProblem(admin.get("/api/v1/scans/" + UUID.randomUUID() + "?wait=5s"), 404, "scan-not-found");
        assertProblem(admin.withKey(null).get("/api/v1/scans/" + id + "?wait=5s"), 401, "unauthorized");
        assertProblem(admin.newUser("READER").get("/api/v1/scans/" + id + "?wait=5s"), 403, "forbidden");
        assertThat(waiters.waiting(id)).isZero();
        assertThat(ana.get("/api/v1/scans/" + id + "?wait=10ms").statusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatGoesAwayHoldsAWaiterNoLongerThanItsScanOrItsWait() throws IOException {
        byte[] content = uniqueContent();
        UUID finishing = UUID.fromString(upload(admin, "gone.bin", content, "poll"));
        UUID running = UUID.fromString(upload(admin, "gone-too.bin", uniqueContent(), "poll"));
        // Tomcat does not watch the socket of a parked request: the waiter goes when it is answered (the write to
        // the closed connection fails quietly) or when its wait ends, whichever comes first
        parkAndHangUp(finishing, "60s");
        parkAndHangUp(running, "2s");

        report(finishing, sha256(content));

        await().atMost(Duration.ofSeconds(20)).until(() -> waiters.waiting(finishing) == 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiters.waiting(running) == 0);
        assertThat(admin.get("/api/v1/scans/" + finishing + "?wait=1s").statusCode()).isEqualTo(200);
    }

    private void parkAndHangUp(UUID id, String wait) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/scans/" + id + "?wait=" + wait + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + admin.key() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().until(() -> waiters.waiting(id) == 1);
        }
    }

    private void report(UUID scanId, String sha256) {
        EngineResult result = new EngineResult(Category.MALICIOUS, "Poll-Test", "1", "1", 3, null, Map.of());
        ResultMessages.publishFromProbe(publisher, "secprobe",
                ResultMessages.answer(scanId, sha256, "secprobe", result));
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(ArgusTestClient as, String path) {
        HttpRequest request = as.authorized(HttpRequest.newBuilder(as.uri(path))).build();
        return as.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
