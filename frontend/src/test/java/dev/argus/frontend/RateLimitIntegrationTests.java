package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A key over {@code argus.security.rate-limit.requests-per-minute} gets 429 with Retry-After; other keys do not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "argus.security.rate-limit.requests-per-minute=5")
@ActiveProfiles("test")
class RateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void answers429WithRetryAfterOnceAKeyUsedItsRequestsPerMinute() {
        ArgusTestClient admin = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        ArgusTestClient reader = admin.newUser("READER");
        // each key has its own bucket: the two requests of newUser were the admin key's
        for (int i = 0; i < 5; i++) {
            assertThat(reader.get("/api/v1/probes").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = reader.get("/api/v1/probes");

        assertProblem(limited, 429, "too-many-requests");
        assertThat(json(limited).get("detail").asString()).contains("5 requests");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY).get("/api/v1/probes").statusCode()).isEqualTo(200);
    }
}
