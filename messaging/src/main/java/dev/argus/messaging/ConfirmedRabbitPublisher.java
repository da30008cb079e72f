package dev.argus.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.util.Assert;

/**
 * {@link MessagePublisher} on a {@link RabbitTemplate} whose connection factory uses correlated publisher confirms:
 * each message carries a {@link CorrelationData} whose future the broker's confirm completes; a call sends all its
 * messages, then waits once for all their confirms.
 */
public final class ConfirmedRabbitPublisher implements MessagePublisher {

    /** How long to wait for the broker's confirms of one call. */
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ConfirmedRabbitPublisher.class);

    private final RabbitTemplate template;

    /**
     * @throws IllegalStateException when the template's connection factory does not use correlated publisher
     *                               confirms
     */
    public ConfirmedRabbitPublisher(RabbitTemplate template) {
        Assert.state(template.getConnectionFactory().isPublisherConfirms(),
                "Argus publishes with correlated broker confirms: set spring.rabbitmq.publisher-confirm-type=correlated");
        this.template = template;
    }

    @Override
    public void publishAll(List<OutboundMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<CorrelationData> pending = new ArrayList<>(messages.size());
        // one channel for the whole call: consecutive sends may each take another cached channel, and messages on
        // different channels may overtake each other (the order publishAll promises)
        template.invoke(operations -> {
            for (OutboundMessage message : messages) {
                CorrelationData correlation = new CorrelationData();
                if (message.priority() == null) {
                    operations.convertAndSend(message.exchange(), message.routingKey(), message.payload(), correlation);
                } else {
                    operations.convertAndSend(message.exchange(), message.routingKey(), message.payload(), m -> {
                        m.getMessageProperties().setPriority(message.priority());
                        return m;
                    }, correlation);
                }
                pending.add(correlation);
            }
            return null;
        });
        long deadline = System.nanoTime() + CONFIRM_TIMEOUT.toNanos();
        for (CorrelationData correlation : pending) {
            await(correlation, deadline);
        }
    }

    @Override
    public void publishRaw(String exchange, String routingKey, Message message) {
        CorrelationData correlation = new CorrelationData();
        template.send(exchange, routingKey, message, correlation);
        await(correlation, System.nanoTime() + CONFIRM_TIMEOUT.toNanos());
    }

    @Override
    public void publishTransient(OutboundMessage message) {
        try {
            template.convertAndSend(message.exchange(), message.routingKey(), message.payload(), m -> {
                m.getMessageProperties().setDeliveryMode(MessageDeliveryMode.NON_PERSISTENT);
                return m;
            });
        } catch (AmqpException e) {
            log.debug("transient message to {} not sent: {}", message.exchange(), e.getMessage());
        }
    }

    private static void await(CorrelationData correlation, long deadline) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture()
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!confirm.isAck()) {
                throw new AmqpException("the broker refused a message: " + confirm.getReason());
            }
        } catch (TimeoutException e) {
            throw new AmqpTimeoutException("no broker confirm within " + CONFIRM_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new AmqpException("publishing failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpException("interrupted while waiting for a broker confirm", e);
        }
    }
}
