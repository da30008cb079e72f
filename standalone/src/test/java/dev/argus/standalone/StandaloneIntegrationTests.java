package dev.argus.standalone;

import static org.assertj.core.api.Assertions.assertThat;

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
        stop(first);

        Standalone second = start();
        ArgusHttp.Response again = api(second).get("/api/v1/scans/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("status").asString()).isEqualTo("finished");
        assertThat(clamavResult(again.body()).path("category").asString()).isEqualTo("malicious");
    }
}
