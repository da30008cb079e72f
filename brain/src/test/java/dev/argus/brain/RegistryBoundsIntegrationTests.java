package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.brain.registry.ProbeRegistry;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeRegistered;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Forged registrations over the real broker (vhost and database of the test profile): the registry stays within
 * {@code argus.brain.max-probes}, refuses malformed names, and forgets probes silent for longer than
 * {@code argus.brain.forget-probes-after}.
 */
@SpringBootTest(properties = {"argus.brain.max-probes=" + RegistryBoundsIntegrationTests.CAP,
        "argus.brain.forget-probes-after=30d"})
@DirtiesContext
class RegistryBoundsIntegrationTests extends AbstractBrainClientTests {

    static final int CAP = 40;
    private static final int FORGED = 2000;

    @Autowired
    ProbeRegistry registry;

    @Test
    void thousandsOfForgedRegistrationsDoNotGrowTheRegistryPastItsCap() {
        int before = probeCount();
        ProbeDescriptor marker = descriptor(newProbeName(), "^text/");
        client.registerOnline(marker);

        for (int i = 0; i < FORGED; i++) {
            String instance = i % 10 == 0 ? "forged\r\ninstance " + i : "forged-" + i;
            String name = i % 7 == 0 ? "Forged Name\u202e" + i : "forged-" + UUID.randomUUID().toString()
                    .substring(0, 8) + "-" + i;
            if (i % 7 == 0) {
                publishForged(instance, descriptor(name, "^text/"));
            } else {
                client.register(instance, i % 2 == 0, Instant.now(), descriptor(name, "^text/"));
            }
        }
        // one consumer, in order: once the marker's later heartbeat is recorded, every forged one was handled
        Instant last = Instant.now().plusMillis(5).truncatedTo(ChronoUnit.MILLIS);
        client.register("it-marker", true, last, marker);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> !jdbc.queryForObject(
                "select last_seen from brain.probe where name = ?", java.sql.Timestamp.class, marker.name())
                .toInstant().isBefore(last));

        int after = probeCount();
        assertThat(after).as("the registry is capped").isLessThanOrEqualTo(Math.max(before + 1, CAP));
        assertThat(jdbc.queryForObject("select count(*) from brain.probe where name !~ '^[a-z][a-z0-9_-]{0,63}$'",
                Integer.class)).as("no malformed name").isZero();
        assertThat(jdbc.queryForObject("select count(*) from brain.probe_instance where instance_id like '%'"
                + " || chr(10) || '%'", Integer.class)).as("no malformed instance id").isZero();
        if (before + 1 < CAP) {
            assertThat(after).as("new names are welcome up to the cap").isEqualTo(CAP);
        }
    }

    @Test
    void probesSilentForLongerThanTheRetentionAreForgotten() {
        ProbeDescriptor old = descriptor(newProbeName(), "^text/");
        ProbeDescriptor recent = descriptor(newProbeName(), "^text/");
        jdbc.update("delete from brain.probe where name like 'forged-%'");
        client.register(Instant.now(), recent);
        client.register(Instant.now().minus(Duration.ofDays(40)), old);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from brain.probe where name in (?, ?)", Integer.class, old.name(), recent.name()) == 2);

        registry.forgetProbesSeenBefore(Instant.now().minus(Duration.ofDays(30)));

        assertThat(jdbc.queryForList("select name from brain.probe where name in (?, ?)", String.class, old.name(),
                recent.name())).containsExactly(recent.name());
    }

    /** A registration the test client does not track for clean-up (its name could not name a queue to delete). */
    private void publishForged(String instance, ProbeDescriptor engine) {
        String user = rabbit.getConnectionFactory().getUsername();
        rabbit.convertAndSend(Topology.REGISTRY_EXCHANGE, Topology.PROBES_KEY,
                new ProbeRegistered(instance, List.of(engine), false, Instant.now()), m -> {
                    m.getMessageProperties().setUserId(user);
                    return m;
                });
    }

    private int probeCount() {
        return jdbc.queryForObject("select count(*) from brain.probe", Integer.class);
    }
}
