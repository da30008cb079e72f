package dev.argus.brain.messaging;

import java.util.List;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Publishes messages and waits for the broker's confirm of every one of them. Callers publish inside their
 * database transaction: when this returns the broker has the messages (persistent), when it throws the caller
 * rolls back and its input message is redelivered. Thread-safe.
 */
@Component
public class Publisher {

    /** How long to wait for the broker's confirms of one batch. */
    static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final RabbitTemplate rabbitTemplate;

    Publisher(RabbitTemplate rabbitTemplate) {
        Assert.state(rabbitTemplate.getConnectionFactory().isSimplePublisherConfirms(),
                "The brain publishes with broker confirms: set spring.rabbitmq.publisher-confirm-type=simple");
        this.rabbitTemplate = rabbitTemplate;
    }

    /**
     * Sends the messages in order on one channel and waits for all confirms.
     *
     * @throws org.springframework.amqp.AmqpException when the broker refuses (nack), times out or is unreachable
     */
    public void publish(List<Outbound> messages) {
        if (messages.isEmpty()) {
            return;
        }
        rabbitTemplate.invoke(operations -> {
            for (Outbound message : messages) {
                operations.convertAndSend(message.exchange(), message.routingKey(), message.payload());
            }
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
    }

    /** Sends one message and waits for its confirm. */
    public void publish(Outbound message) {
        publish(List.of(message));
    }
}
