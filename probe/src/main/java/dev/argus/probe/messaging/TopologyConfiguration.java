package dev.argus.probe.messaging;

import dev.argus.messaging.ArgusTopology;
import dev.argus.messaging.QueueProperties;
import dev.argus.probe.engine.ActiveEngines;
import dev.argus.probe.spi.ScanEngine;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this process declares on every (re)connection ({@link ArgusTopology}, role PROBE): the job queue of each
 * active engine (of the type {@link QueueProperties} says, as the brain declares it) and its binding, nothing else;
 * the exchanges and the queues its messages are routed to are the brain's, which the probe waits for
 * ({@link ExchangeWait}). Every message it publishes carries its RabbitMQ user name
 * as {@code user_id}, which the broker checks against the connection's user, so the brain and the frontends know
 * which credential sent it.
 */
@Configuration(proxyBeanMethods = false)
class TopologyConfiguration {

    @Bean
    Declarables probeTopology(ActiveEngines engines, QueueProperties queues) {
        return ArgusTopology.declarables(ArgusTopology.Role.PROBE,
                engines.engines().stream().map(ScanEngine::name).toList(), queues);
    }

    @Bean
    ExchangeWait exchangeWait(AbstractConnectionFactory connectionFactory) {
        return new ExchangeWait(connectionFactory, ArgusTopology.PROBE_EXCHANGES);
    }

    @Bean
    RabbitTemplateCustomizer publishAsOwnUser(AbstractConnectionFactory connectionFactory) {
        String user = connectionFactory.getUsername();
        return template -> template.addBeforePublishPostProcessors(message -> {
            message.getMessageProperties().setUserId(user);
            return message;
        });
    }
}
