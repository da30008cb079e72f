package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A user over {@code argus.security.rate-limit.requests-per-minute}, counted across all its keys, gets 429 with
 * Retry-After and the limit named; other users do not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "argus.security.rate-limit.requests-per-minute=5")
@ActiveProfiles("test")
class RateLimitIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void answers429WithRetryAfterOnceAUserUsedItsRequestsPerMinuteWithAnyOfItsKeys() {
        ArgusTestClient admin = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        ArgusTestClient reader = admin.newUser("READER");
        // each user has its own bucket: the requests of newUser and of the second key's creation were the admin's
        String username = jdbc.sql("select username from api_key where key_hash = ?")
                .param(AbstractSecurityIntegrationTests.sha256Hex(reader.key())).query(String.class).single();
        ArgusTestClient secondKey = reader.withKey(json(admin.postJson("/api/v1/users/" + username + "/keys",
                "{\"name\":\"second\"}")).get("key").asString());
        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? reader : secondKey).get("/api/v1/probes").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = secondKey.get("/api/v1/probes");

        assertProblem(limited, 429, "too-many-requests");
        assertThat(json(limited).get("detail").asString()).contains("5 requests");
        assertThat(json(limited).get("limit").asString()).isEqualTo("requests-per-minute");
        assertThat(json(limited).get("value").asInt()).isEqualTo(5);
        assertThat(json(limited).get("resetsAt").isNull()).isFalse();
        assertProblem(reader.get("/api/v1/probes"), 429, "too-many-requests");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY).get("/api/v1/probes").statusCode()).isEqualTo(200);
    }
}
