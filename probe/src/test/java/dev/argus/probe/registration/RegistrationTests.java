package dev.argus.probe.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.messaging.MessagePublisher;
import dev.argus.probe.FakeEngine;
import dev.argus.probe.RecordingPublisher;
import dev.argus.probe.engine.ActiveEngines;
import dev.argus.probe.spi.EngineVersions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;

class RegistrationTests {

    private final FakeEngine engine = new FakeEngine("clamav").withTimeout(Duration.ofSeconds(42))
            .withVersions(new EngineVersions("1.4.6", "local:aaaaaaaaaaaa"));
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private Registration registration;

    @AfterEach
    void stop() {
        registration.stop();
    }

    @Test
    void retriesRegistrationWithBackoffUntilTheBrokerConfirms() {
        AtomicInteger registrationAttempts = new AtomicInteger();
        MessagePublisher brokerDownTwice = new RecordingPublisher().behaving(message -> {
            if (message.payload() instanceof ProbeRegistered registered && !registered.heartbeat()
                    && registrationAttempts.incrementAndGet() <= 2) {
                throw new AmqpConnectException(new java.net.ConnectException("Connection refused"));
            }
            assertThat(message.exchange()).isEqualTo(Topology.REGISTRY_EXCHANGE);
            assertThat(message.routingKey()).isEqualTo(Topology.PROBES_KEY);
            published.add(message.payload());
        });
        registration = registration(brokerDownTwice, Duration.ofSeconds(10));

        registration.start();

        await().atMost(Duration.ofSeconds(5)).until(registration::isRegistered);
        assertThat(registrationAttempts).hasValue(3);
        assertThat(published).singleElement().isInstanceOfSatisfying(ProbeRegistered.class, registered -> {
            assertThat(registered.instanceId()).isEqualTo("probe-1");
            assertThat(registered.heartbeat()).isFalse();
            assertThat(registered.engines()).containsExactly(new ProbeDescriptor("clamav", "Fake clamav",
                    engine.category(), "test", "1.4.6", "local:aaaaaaaaaaaa", null, 42_000));
        });
    }

    @Test
    void heartbeatsFollowWithRefreshedVersions() {
        registration = registration(new RecordingPublisher().behaving(message -> published.add(message.payload())),
                Duration.ofMillis(50));

        registration.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> published.stream()
                .filter(m -> m instanceof ProbeRegistered r && r.heartbeat()).count() >= 2);
        engine.withVersions(new EngineVersions("1.4.6", "local:bbbbbbbbbbbb"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(published.getLast())
                .isInstanceOfSatisfying(ProbeRegistered.class, beat -> {
                    assertThat(beat.heartbeat()).isTrue();
                    assertThat(beat.engines().getFirst().signatureVersion()).isEqualTo("local:bbbbbbbbbbbb");
                }));
        assertThat(published.getFirst()).isInstanceOfSatisfying(ProbeRegistered.class,
                first -> assertThat(first.heartbeat()).isFalse());
        assertThat(published).allSatisfy(message -> assertThat(message).isInstanceOf(ProbeRegistered.class));
    }

    private Registration registration(MessagePublisher publisher, Duration heartbeat) {
        EngineDescriptors descriptors = new EngineDescriptors(new ActiveEngines(List.of(engine)), "test");
        return new Registration(new InstanceId("probe-1"), descriptors, publisher, heartbeat,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(80)), Clock.systemUTC());
    }
}
