package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The web UI's session: opened with an API key at /login, CSRF token on unsafe requests, ended by revoking its key or
 * logging out; and the security headers on every response.
 */
class WebSessionIntegrationTests extends AbstractSecurityIntegrationTests {

    @Test
    void aWebSessionNeedsTheCsrfTokenToChangeAnythingAndEndsWhenItsKeyIsRevokedOrOnLogout() {
        Browser browser = new Browser(admin);
        ArgusTestClient analyst = admin.newUser("ANALYST");
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
        assertThat(browser.postForm("/login", "key=" + TestKeys.ADMIN_KEY, true).statusCode()).isEqualTo(204);
        browser.get("/");
        assertThat(browser.get("/api/v1/probes").statusCode()).isEqualTo(200);
        assertThat(browser.postForm("/logout", "", true).statusCode()).isEqualTo(204);
        assertProblem(browser.get("/api/v1/probes"), 401, "unauthorized");
    }

    /** A key in the URL ends in access logs, proxy logs and browser history: only the form body is read. */
    @Test
    void loginTakesTheKeyFromTheFormBodyOnly() {
        Browser browser = new Browser(admin);
        browser.get("/login.html");
        assertProblem(browser.postForm("/login?key=" + TestKeys.ADMIN_KEY, "", true), 400, "bad-request");
        assertProblem(browser.postForm("/login?%6Bey=" + TestKeys.ADMIN_KEY, "", true), 400, "bad-request");
        assertProblem(browser.postForm("/login?key=" + TestKeys.ADMIN_KEY, "key=" + TestKeys.ADMIN_KEY, true), 400,
                "bad-request");
        assertProblem(browser.get("/api/v1/probes"), 401, "unauthorized");
        assertThat(browser.postForm("/login", "key=" + TestKeys.ADMIN_KEY, true).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/v1/probes").statusCode()).isEqualTo(200);
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

    /** A cookie-keeping client that behaves like the web UI: no Authorization header, the CSRF cookie echoed. */
    static final class Browser {
        private final ArgusTestClient admin;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        /** A browser on the service {@code admin} talks to (its key is not sent). */
        Browser(ArgusTestClient admin) {
            this.admin = admin;
        }

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
}
