package dev.argus.standalone;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole standalone mode in this JVM with the machine's clamd (127.0.0.1:3310, running the project's test
 * signatures): an EICAR upload is detected, and after a stop and a start on the same data directory the scan is
 * still there.
 */
class StandaloneIntegrationTests extends AbstractStandaloneIntegrationTests {

    @Test
    void detectsEicarWithTheRunningClamdAndKeepsTheScanAcrossARestart() throws Exception {
        Standalone first = start();
        JsonNode scan = scanEicar(api(first));
        String id = scan.path("id").asString();
        assertThat(clamavResult(scan).path("category").asString()).isEqualTo("malicious");
        assertThat(clamavResult(scan).path("result").asString()).contains("Eicar");
        assertActuators(first);
        stop(first);

        Standalone second = start();
        HttpResponse<String> again = api(second).get("/api/v1/scans/" + id);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("status").asString()).isEqualTo("finished");
        assertThat(clamavResult(json(again)).path("category").asString()).isEqualTo("malicious");
    }

    /**
     * The brain and every probe instance answer health on their own loopback port (the standalone's --server.port
     * is the frontend's), and the probe that scanned EICAR shows it in its latency histogram.
     */
    private static void assertActuators(Standalone argus) throws Exception {
        List<Integer> ports = new ArrayList<>(argus.probePorts());
        assertThat(ports).isNotEmpty().doesNotContain(argus.httpPort(), argus.brainPort());
        ports.add(argus.brainPort());
        StringBuilder metrics = new StringBuilder();
        for (int port : ports) {
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as("readiness on " + port).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            metrics.append(get(port, "/actuator/prometheus").body());
        }
        assertThat(metrics.toString().lines().filter(line -> line.startsWith("argus_engine_scan_seconds_count{")
                && line.contains("category=\"malicious\"") && line.contains("engine=\"clamav\"")))
                .as("the EICAR scan in the probe's histogram").isNotEmpty();
        assertThat(get(argus.brainPort(), "/api/v1/probes").statusCode())
                .as("the brain serves its actuator only").isEqualTo(404);
    }

    private static HttpResponse<String> get(int port, String path) {
        return ArgusTestClient.onPort(port, null).get(path);
    }
}
