package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ScanRequested;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Sends {@value #REQUESTS} generated requests ({@link FuzzRequests}, seed from {@code argus.fuzz.seed} or
 * random, printed) to every route of the application's request mappings (read at run time, so new routes are
 * covered) and to junk, static and actuator paths, with hostile paths, headers, multipart and JSON bodies, and
 * checks each answer: never a 5xx, and every 4xx under {@code /api/} an RFC 9457 problem.
 * Afterwards the service must still be alive: health UP, no temp file left, and a real upload goes all the way
 * to a finished scan (the test plays the brain). Prints the request count, the time taken and the statuses.
 */
class ApiFuzzIntegrationTests extends AbstractHostileRequestTests {

    private static final int REQUESTS = 10_000;
    private static final int SHOWN_FAILURES = 15;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void survivesTenThousandGeneratedRequestsWithoutA5xxAndWithProblemDocuments() {
        long seed = Long.getLong("argus.fuzz.seed", System.nanoTime());
        List<String> routes = mappedRoutes();
        assertThat(routes).as("the routes come from the application's mappings")
                .contains("/api/v1/scans/{id}", "/api/v3/files/{hash}", "/vtapi/v2/file/scan", "/api/v1/webhooks/{id}");
        System.out.printf("[fuzz] seed %d, %d mapped routes%n", seed, routes.size());
        createTheUserTheRequestsName();
        FuzzRequests requests = new FuzzRequests(seed, routes);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();

        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequests.Request request = requests.next();
            RawHttp.Response response = request.chunked()
                    ? raw.sendChunked(request.method(), request.target(), request.headers(), request.body())
                    : raw.send(request.method(), request.target(), request.headers(), request.body());
            statuses.merge(response.status(), 1, Integer::sum);
            String fault = fault(request, response);
            if (fault != null && failures.size() < SHOWN_FAILURES) {
                failures.add("#" + i + " " + request + " -> " + response.status() + " " + fault + ": "
                        + abbreviate(response.body()));
            }
        }

        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[fuzz] %d requests in %d ms (%.0f/s), seed %d, statuses %s%n", REQUESTS, millis,
                REQUESTS * 1000.0 / Math.max(1, millis), seed, statuses);
        assertThat(failures).as("replay with -Dargus.fuzz.seed=" + seed).isEmpty();
        assertStillAlive();
    }

    /** {@link FuzzRequests#FUZZ_USER} with a key, kept from an earlier run of the test database. */
    private void createTheUserTheRequestsName() {
        int status = http.postJson("/api/v1/users", "{\"username\":\"" + FuzzRequests.FUZZ_USER
                + "\",\"role\":\"ANALYST\"}").statusCode();
        assertThat(status).as("creating " + FuzzRequests.FUZZ_USER).isIn(201, 409);
        assertThat(http.postJson("/api/v1/users/" + FuzzRequests.FUZZ_USER + "/keys", "{\"name\":\"fuzzed\"}")
                .statusCode()).isIn(201, 409);
    }

    /** Every path pattern of the application's request mappings, so a new route is fuzzed without a change here. */
    private List<String> mappedRoutes() {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .distinct().sorted().toList();
    }

    /** What is wrong with the answer, or null. */
    private static String fault(FuzzRequests.Request request, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "server error";
        }
        boolean api = request.target().startsWith("/api/") || request.target().startsWith("//api/");
        boolean vt = request.target().startsWith("/api/v3/") || request.target().startsWith("/vtapi/");
        if (!(api || vt) || response.status() < 400 || request.method().equals("HEAD")) {
            return null;
        }
        if (vt && !response.contentType().startsWith("application/problem+json")) {
            // a request the connector refuses before the application keeps its problem document
            return virusTotalFault(request.target().startsWith("/api/v3/"), response);
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "not a problem document (" + response.contentType() + ")";
        }
        try {
            JsonNode problem = ArgusJson.mapper().readTree(response.body());
            boolean complete = problem.path("type").asString("").startsWith("urn:argus:problem:")
                    && !problem.path("title").asString("").isBlank()
                    && problem.path("status").asInt() == response.status()
                    && !problem.path("detail").asString("").isBlank();
            return complete ? null : "incomplete problem document";
        } catch (RuntimeException e) {
            return "problem body is not JSON";
        }
    }

    /** VirusTotal's error shapes: v3 {"error": {code, message}}, v2 an empty 403 or {"verbose_msg"}. */
    private static String virusTotalFault(boolean v3, RawHttp.Response response) {
        if (!v3 && response.status() == 403 && response.body().isEmpty()) {
            return null;
        }
        if (!response.contentType().startsWith("application/json")) {
            return "not a VirusTotal error (" + response.contentType() + ")";
        }
        try {
            JsonNode error = ArgusJson.mapper().readTree(response.body());
            boolean complete = v3 ? error.path("error").path("code").asString("").endsWith("Error")
                    && !error.path("error").path("message").asString("").isBlank()
                    : error.path("response_code").asInt(1) == 0 && error.has("verbose_msg");
            return complete ? null : "incomplete VirusTotal error";
        } catch (RuntimeException e) {
            return "VirusTotal error body is not JSON";
        }
    }

    private void assertStillAlive() {
        assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertNoTempFilesLeft();
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        byte[] content = ("alive after fuzzing " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        RawHttp.Response accepted = raw.send("POST", "/api/v1/scans",
                List.of("Content-Type: multipart/form-data; boundary=alive"),
                new MultipartBody("alive").file("file", "alive.txt", content).field("probes", "clamav").bytes());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        UUID id = UUID.fromString(ArgusJson.mapper().readTree(accepted.body()).get("id").asString());
        Object requested = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 5000);
        assertThat(requested).isInstanceOfSatisfying(ScanRequested.class, r -> assertThat(r.scanId()).isEqualTo(id));
        String sha256 = ((ScanRequested) requested).files().getFirst().sha256();
        assertThat(fileStore.exists(sha256)).isTrue();

        ResultMessages.publishFromProbe(publisher, "clamav", ResultMessages.answer(id, sha256, "clamav",
                new EngineResult(Category.UNDETECTED, null, "1.4.6", "1", 2, null, Map.of())));
        await().untilAsserted(() -> assertThat(http.get("/api/v1/scans/" + id).body())
                .contains("\"status\":\"finished\"").contains("\"category\":\"undetected\""));
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
