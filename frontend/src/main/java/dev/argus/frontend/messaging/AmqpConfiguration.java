package dev.argus.frontend.messaging;

import dev.argus.messaging.ArgusTopology;
import dev.argus.messaging.QueueProperties;
import java.util.List;
import org.springframework.amqp.core.Declarables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The frontend's AMQP topology ({@link ArgusTopology}, role FRONTEND, plus this process's own transient live-event
 * queue). The consumers are configured by the features that own them (scan results, live events, the probe
 * directory, dead letters); JSON typed by the contract's short type ids and confirmed, mandatory publishing come from
 * {@code argus-messaging}.
 */
@Configuration(proxyBeanMethods = false)
class AmqpConfiguration {

    @Bean
    Declarables frontendTopology(QueueProperties queues) {
        return ArgusTopology.declarables(ArgusTopology.Role.FRONTEND, List.of(), queues);
    }

    @Bean
    Declarables liveQueue(FrontendInstance instance) {
        return ArgusTopology.liveQueue(instance.id());
    }
}
