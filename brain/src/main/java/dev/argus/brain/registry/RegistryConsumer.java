package dev.argus.brain.registry;

import dev.argus.brain.BrainProperties;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.messaging.Consumers;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.Delivery;
import dev.argus.messaging.GuardedConsumer;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes {@code argus.brain.probes}: registrations and heartbeats (one message type) are handled alike, each with
 * the RabbitMQ user that published it ({@code user_id}), which the registry checks. The message
 * is acknowledged after the registry committed and any resulting directory change was published with a confirm. One
 * consumer taking one message at a time (prefetch 1), so "no ready message and none in the listener" means the queue
 * really is drained; see {@code ScanIntake}.
 */
@Configuration(proxyBeanMethods = false)
class RegistryConsumer {

    private static final Logger log = LoggerFactory.getLogger(RegistryConsumer.class);

    @Bean
    SimpleMessageListenerContainer registryContainer(ConnectionFactory connectionFactory, MessageConverter converter,
                                                    DeadLetters deadLetters, ProbeRegistry registry,
                                                    DirectoryBroadcaster broadcaster, RegistryActivity activity,
                                                    BrainProperties properties) {
        GuardedConsumer listener = new GuardedConsumer(Topology.PROBES_QUEUE, Delivery.converter(converter),
                m -> problemWith(((Delivery) m).body()),
                messages -> messages.forEach(m -> record((Delivery) m, registry, broadcaster, activity)),
                deadLetters, properties.maxFailures(), Duration.ofSeconds(1));
        return Consumers.container(connectionFactory, Topology.PROBES_QUEUE, listener, Consumers.Settings.single(1, 1),
                true);
    }

    private static void record(Delivery delivery, ProbeRegistry registry, DirectoryBroadcaster broadcaster,
                               RegistryActivity activity) {
        ProbeRegistered message = (ProbeRegistered) delivery.body();
        if (!message.heartbeat()) {
            log.debug("Probe instance {} registered {}", message.instanceId(), names(message.engines()));
        }
        activity.started();
        try {
            registry.record(message.instanceId(), message.engines() == null ? List.of() : message.engines(),
                    message.at(), delivery.userId());
            broadcaster.publishIfChanged();
        } finally {
            activity.finished();
        }
    }

    static String problemWith(Object message) {
        if (!(message instanceof ProbeRegistered registered)) {
            return "a " + message.getClass().getSimpleName() + " does not belong on " + Topology.PROBES_QUEUE;
        }
        if (registered.instanceId() == null || registered.instanceId().isBlank()) {
            return "a ProbeRegistered without instance id, engines " + names(registered.engines());
        }
        return null;
    }

    private static List<String> names(List<ProbeDescriptor> engines) {
        return engines == null ? List.of() : engines.stream().map(e -> e == null ? "null" : e.name()).toList();
    }
}
