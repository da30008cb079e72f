package dev.argus.probe.messaging;

/** Publishes a message and returns only once the broker has confirmed it. Thread-safe. */
@FunctionalInterface
public interface MessagePublisher {

    /**
     * Sends a persistent JSON message and waits for the broker's confirm.
     *
     * @throws org.springframework.amqp.AmqpException when the broker is unreachable, nacks or does not confirm in
     *                                                time; the message may or may not have been delivered
     */
    void publish(String exchange, String routingKey, Object message);
}
