package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a management port of its own (as in the container deployment), the frontend serves Prometheus on that port
 * without a key, and nothing of the actuator but health answers anonymously on the public port.
 */
class InternalMetricsPortIntegrationTests extends AbstractMessageFlowIntegrationTests {

    private static final int MANAGEMENT_PORT = freePort();

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    @Test
    void prometheusAnswersWithoutAKeyOnTheManagementPortOnly() {
        ArgusTestClient internal = ArgusTestClient.onPort(MANAGEMENT_PORT, TestKeys.ADMIN_KEY).withKey(null);
        HttpResponse<String> scrape = internal.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("argus_files_uploaded_total");
        assertThat(internal.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        HttpResponse<String> publicScrape = http.withKey(null).get("/actuator/prometheus");
        assertThat(publicScrape.statusCode()).isIn(401, 404);
        assertThat(publicScrape.body()).doesNotContain("argus_files_uploaded_total");
        assertThat(http.withKey(null).get("/api/v1/probes").statusCode()).isEqualTo(401);
    }

    @Test
    void theManagementPortOpensNothingElseWithoutAKey() {
        ArgusTestClient internal = ArgusTestClient.onPort(MANAGEMENT_PORT, TestKeys.ADMIN_KEY).withKey(null);
        assertThat(internal.get("/actuator/env").statusCode()).isIn(401, 404);
        assertThat(internal.get("/api/v1/probes").statusCode()).isIn(401, 404);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
