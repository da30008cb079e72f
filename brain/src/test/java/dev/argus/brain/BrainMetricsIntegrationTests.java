package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.WAIT;
import static dev.argus.brain.BrainAmqpClient.crashed;
import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.file;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static dev.argus.brain.BrainAmqpClient.resultFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The brain's actuator on its own port: liveness and readiness (broker and database) answer UP, and
 * {@code /actuator/prometheus} shows the retries, the timeouts, the pending jobs and the probe queues of a scan whose
 * first job is retried and whose jobs then pass their one-second deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "argus.brain.job-deadline=1s", "argus.brain.sweep-interval=200ms", "argus.brain.gauge-interval=200ms"})
@DirtiesContext
class BrainMetricsIntegrationTests extends AbstractBrainClientTests {


    @LocalServerPort
    int port;

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    /** Malformed request targets on the actuator port, sent through a raw socket: a 4xx, never a 5xx. */
    @Test
    void malformedTargetsAreA4xx() throws Exception {
        for (String target : List.of("/actuator/;a%", "/actuator/health;a%", "/;a%", "/%zz", "/actuator/%00",
                "/actuator/health/%2F", "/x;y%", "TRACE /actuator/;a%", "TRACE /")) {
            String answer = rawGet(target);
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as(target + " -> " + answer).isBetween(400, 499);
        }
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private String rawGet(String target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(((target.startsWith("/") ? "GET " : "") + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void prometheusShowsRetriesTimeoutsPendingJobsAndQueues() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        client.requestScan(List.of(file("text/plain"), file("text/plain")), List.of(probe.name()), false);
        List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);
        String byProbe = "probe=\"" + probe.name() + "\"";

        client.sendResult(resultFor(jobs.getFirst(), true, crashed("engine crashed")));

        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus").body();
            assertThat(value(metrics, "argus_jobs_retried_total", byProbe)).hasValue(1);
            assertThat(value(metrics, "argus_jobs_timed_out_total", byProbe)).hasValue(2);
            assertThat(value(metrics, "argus_jobs_pending", byProbe)).hasValue(0);
            assertThat(value(metrics, "argus_queue_messages", "queue=\"argus.probe." + probe.name() + "\""))
                    .as("the retry is still in the test probe's queue").hasValue(1);
            assertThat(value(metrics, "argus_queue_consumers", "queue=\"argus.probe." + probe.name() + "\""))
                    .hasValue(0);
            assertThat(value(metrics, "argus_queue_messages", "queue=\"argus.parked\"")).isPresent();
        });
    }

    private HttpResponse<String> get(String path) {
        return ArgusTestClient.onPort(port, null).get(path);
    }

    /** The value of the sample of {@code name} whose labels contain {@code label}, if there is one. */
    static OptionalDouble value(String metrics, String name, String label) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                return OptionalDouble.of(Double.parseDouble(sample.group(2)));
            }
        }
        return OptionalDouble.empty();
    }
}
