package dev.argus.brain.messaging;

import dev.argus.messaging.ArgusTopology;
import dev.argus.messaging.QueueProperties;
import java.util.List;
import org.springframework.amqp.core.Declarables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchanges and queues the brain declares ({@link ArgusTopology}, role BRAIN). The per-probe queues are declared
 * when a probe registers (see the registry); the consumers are configured by the features that own them.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    Declarables brainTopology(QueueProperties queues) {
        return ArgusTopology.declarables(ArgusTopology.Role.BRAIN, List.of(), queues);
    }
}
