package dev.argus.frontend;

import static dev.argus.frontend.ResultMessages.answer;
import static dev.argus.frontend.ResultMessages.publishFromProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.common.message.Category;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The frontend's health probes and Prometheus endpoint on its public port: health, liveness and readiness answer
 * anyone; {@code /actuator/prometheus} answers an ADMIN only, and counts uploads, scans and stored results.
 */
class MetricsIntegrationTests extends AbstractMessageFlowIntegrationTests {

    @Test
    void healthLivenessAndReadinessAnswerUpWithoutAKey() {
        ArgusTestClient anonymous = http.withKey(null);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void prometheusIsNotServedToAnonymousClientsNorToNonAdmins() {
        assertThat(http.withKey(null).get("/actuator/prometheus").statusCode()).isEqualTo(401);
        HttpResponse<String> asUser = http.newUser("ANALYST").get("/actuator/prometheus");
        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(asUser.body()).doesNotContain("argus_");
    }

    @Test
    void prometheusCountsUploadedFilesCreatedScansAndStoredResultsByProbeAndCategory() {
        byte[] first = unique();
        byte[] second = unique();
        double filesBefore = value("argus_files_uploaded_total", "");
        double scansBefore = value("argus_scans_recorded_total", "");
        double maliciousBefore = value("argus_results_total", "category=\"malicious\",probe=\"" + CLAMAV + "\"");
        UUID scan = upload(CLAMAV, first, second);

        publishFromProbe(publisher, CLAMAV, answer(scan, sha256(first), CLAMAV, Category.MALICIOUS, "Metric-Threat"),
                answer(scan, sha256(second), CLAMAV, Category.UNDETECTED, null));

        await().untilAsserted(() -> assertThat(status(scan)).isEqualTo("finished"));
        await().untilAsserted(() -> assertThat(value("argus_results_total",
                "category=\"malicious\",probe=\"" + CLAMAV + "\"")).isEqualTo(maliciousBefore + 1));
        assertThat(value("argus_results_total", "category=\"undetected\",probe=\"" + CLAMAV + "\"")).isPositive();
        assertThat(value("argus_files_uploaded_total", "")).as(argusSamples()).isEqualTo(filesBefore + 2);
        assertThat(value("argus_scans_recorded_total", "")).as(argusSamples()).isGreaterThanOrEqualTo(scansBefore + 1);
        assertThat(value("argus_filestore_failures_total", "operation=\"store\"")).as("no store failure so far")
                .isZero();
    }

    /** Argus's own samples, to show in a failed assertion. */
    private String argusSamples() {
        return String.join("\n", http.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("argus_")).toList());
    }

    /**
     * The sum of the samples of {@code name} whose labels contain {@code labels} (0 when there is none), as the
     * admin reads them.
     */
    private double value(String name, String labels) {
        HttpResponse<String> response = http.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines()
                .filter(line -> line.startsWith(name + "{") && line.substring(0, line.indexOf('}')).contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
