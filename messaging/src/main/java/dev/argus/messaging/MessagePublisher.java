package dev.argus.messaging;

import java.util.List;

/**
 * Publishes persistent JSON messages and returns only once the broker has confirmed every one of them, so a
 * caller inside a database transaction commits only when the broker holds its messages, and a caller that
 * acknowledges an input message does so only after its output is safe. Implementations are thread-safe.
 */
@FunctionalInterface
public interface MessagePublisher {

    /**
     * Sends the messages in order on one channel and waits for the broker's confirms of all of them. Does
     * nothing for an empty list.
     *
     * @throws org.springframework.amqp.AmqpException when the broker is unreachable, nacks or does not confirm
     *                                                in time; any of the messages may or may not have been
     *                                                delivered
     */
    void publishAll(List<OutboundMessage> messages);

    /**
     * Sends one message and waits for its confirm.
     *
     * @throws org.springframework.amqp.AmqpException as {@link #publishAll(List)}
     */
    default void publish(String exchange, String routingKey, Object payload) {
        publishAll(List.of(new OutboundMessage(exchange, routingKey, payload)));
    }
}
