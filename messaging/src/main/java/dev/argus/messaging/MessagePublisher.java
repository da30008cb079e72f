package dev.argus.messaging;

import java.util.List;

/**
 * Publishes JSON messages. {@link #publishAll} sends persistent messages and returns only once the broker has
 * confirmed every one of them, so a caller inside a database transaction commits only when the broker holds its
 * messages, and a caller that acknowledges an input message does so only after its output is safe. Confirms are
 * correlated asynchronously: all messages of a call are sent first, then their confirms awaited together.
 * Implementations are thread-safe.
 */
public interface MessagePublisher {

    /**
     * Sends the messages in order and waits for the broker's confirms of all of them. Does nothing for an empty
     * list.
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
    default void publish(OutboundMessage message) {
        publishAll(List.of(message));
    }

    /**
     * Sends an already built message (body and properties as they are) and waits for its confirm: for parking and
     * replaying messages that must not go through the converter.
     *
     * @throws org.springframework.amqp.AmqpException as {@link #publishAll(List)}
     */
    void publishRaw(String exchange, String routingKey, org.springframework.amqp.core.Message message);

    /**
     * Sends a non-persistent message without waiting for anything: for notifications whose loss costs nothing
     * (live events). Never throws; a failure is logged.
     */
    void publishTransient(OutboundMessage message);
}
