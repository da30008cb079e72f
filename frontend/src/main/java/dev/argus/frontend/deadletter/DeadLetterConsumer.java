package dev.argus.frontend.deadletter;

import com.rabbitmq.client.Channel;
import dev.argus.common.amqp.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes {@code argus.dead-letters} (shared by the frontends) and keeps each parked message in the database, then
 * acknowledges it. The messages are raw: nothing is converted, so whatever made a message unhandleable cannot stop
 * it from being kept. When the database cannot take it, the message goes back to the queue after a pause.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConsumer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConsumer.class);

    @Bean
    SimpleMessageListenerContainer deadLetterContainer(ConnectionFactory connectionFactory, DeadLetterStore store) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(Topology.DEAD_LETTER_QUEUE);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(10);
        container.setMissingQueuesFatal(false);
        container.setMessageListener((ChannelAwareMessageListener) (message, channel) -> keep(store, message, channel));
        return container;
    }

    private static void keep(DeadLetterStore store, Message message, Channel channel) throws Exception {
        long tag = message.getMessageProperties().getDeliveryTag();
        try {
            store.keep(message);
            channel.basicAck(tag, false);
        } catch (RuntimeException e) {
            log.warn("could not keep a parked message, it goes back to {}: {}", Topology.DEAD_LETTER_QUEUE,
                    e.toString());
            Thread.sleep(1000);
            channel.basicNack(tag, false, true);
        }
    }
}
