package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeStatus;
import dev.argus.testsupport.ArgusTestClient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

/** The test playing the brain's directory: online antivirus probes with versions and a measured backlog. */
final class DirectoryMessages {

    private DirectoryMessages() {
    }

    /** An online antivirus probe (engine 1.4.6) with this signature version and backlog (either may be null). */
    static ProbeStatus probe(String name, String signatureVersion, Long backlog) {
        return new ProbeStatus(new ProbeDescriptor(name, name, ProbeCategory.ANTIVIRUS, "1", "1.4.6",
                signatureVersion, null, 60_000), true, 1, Instant.now(), backlog);
    }

    /** Publishes the directory (a fresh plugin version per call) and waits until the frontend lists exactly it. */
    static void publish(RabbitTemplate rabbit, ArgusTestClient http, ProbeStatus... probes) {
        String seed = UUID.randomUUID().toString();
        List<ProbeStatus> seeded = List.of(probes).stream().map(p -> new ProbeStatus(new ProbeDescriptor(
                p.probe().name(), p.probe().displayName(), p.probe().category(), seed, p.probe().engineVersion(),
                p.probe().signatureVersion(), null, 60_000), p.online(), p.instances(), p.lastSeen(), p.backlog()))
                .toList();
        rabbit.convertAndSend(Topology.FRONTEND_EXCHANGE, Topology.DIRECTORY_KEY,
                new ProbeDirectoryUpdated(seeded, Instant.now()));
        await().untilAsserted(() -> {
            JsonNode listed = json(http.get("/api/v1/probes"));
            assertThat(listed.size()).isEqualTo(probes.length);
            listed.forEach(p -> assertThat(p.get("version").asString()).isEqualTo(seed));
        });
    }
}
