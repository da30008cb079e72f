package dev.argus.frontend.messaging;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Publishes persistent messages and waits for the broker's confirm, so a caller inside a database transaction
 * only commits once the broker holds the message. Any failure (broker down, negative ack, no confirm within
 * 10 s) is thrown as an {@link org.springframework.amqp.AmqpException}.
 */
@Component
public class ConfirmedPublisher {

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final RabbitTemplate rabbit;

    ConfirmedPublisher(RabbitTemplate rabbit, ConnectionFactory connectionFactory) {
        Assert.state(connectionFactory.isSimplePublisherConfirms(),
                "Publisher confirms are off: set spring.rabbitmq.publisher-confirm-type=simple");
        this.rabbit = rabbit;
    }

    /** Sends one message and blocks until the broker confirms it. */
    public void publish(String exchange, String routingKey, Object message) {
        rabbit.invoke(operations -> {
            operations.convertAndSend(exchange, routingKey, message);
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
    }
}
