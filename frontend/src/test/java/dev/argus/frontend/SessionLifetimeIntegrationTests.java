package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A web session ends at its absolute lifetime ({@code argus.security.session.max-lifetime}, here 4s) although it
 * is used every half second, far within the idle timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "argus.security.session.max-lifetime=4s")
@ActiveProfiles("test")
class SessionLifetimeIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aSessionInContinuousUseEndsAtItsMaximumLifetime() throws InterruptedException {
        WebSessionIntegrationTests.Browser browser =
                new WebSessionIntegrationTests.Browser(ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY));
        browser.get("/login.html");
        Instant loggedIn = Instant.now();
        assertThat(browser.postForm("/login", "key=" + TestKeys.ADMIN_KEY, true).statusCode()).isEqualTo(204);

        int answered = 0;
        while (Duration.between(loggedIn, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0) {
            assertThat(browser.get("/api/v1/probes").statusCode()).isEqualTo(200);
            answered++;
            Thread.sleep(500);
        }
        assertThat(answered).isPositive();
        Thread.sleep(Duration.ofSeconds(2));
        assertProblem(browser.get("/api/v1/probes"), 401, "unauthorized");

        browser.get("/login.html");
        assertThat(browser.postForm("/login", "key=" + TestKeys.ADMIN_KEY, true).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/v1/probes").statusCode()).isEqualTo(200);
    }
}
