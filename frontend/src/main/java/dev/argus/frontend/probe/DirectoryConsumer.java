package dev.argus.frontend.probe;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.frontend.FrontendProperties;
import dev.argus.messaging.Consumers;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.GuardedConsumer;
import java.time.Duration;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes {@code argus.frontend.probes}: each {@code ProbeDirectoryUpdated} replaces the frontend's copy. */
@Configuration(proxyBeanMethods = false)
class DirectoryConsumer {

    @Bean
    SimpleMessageListenerContainer directoryContainer(ConnectionFactory connectionFactory, MessageConverter converter,
                                                     DeadLetters deadLetters, ProbeDirectory directory,
                                                     FrontendProperties properties) {
        GuardedConsumer listener = new GuardedConsumer(Topology.DIRECTORY_QUEUE, converter,
                message -> message instanceof ProbeDirectoryUpdated update && update.probes() != null ? null
                        : "not a ProbeDirectoryUpdated with probes",
                messages -> messages.forEach(m -> directory.replace((ProbeDirectoryUpdated) m)),
                deadLetters, properties.maxFailures(), Duration.ofSeconds(1));
        return Consumers.container(connectionFactory, Topology.DIRECTORY_QUEUE, listener,
                Consumers.Settings.single(1, 5), true);
    }
}
