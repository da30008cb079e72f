package dev.argus.messaging;

import dev.argus.common.amqp.Topology;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;

/**
 * Parks a message that cannot be handled: a copy of it, with headers that say where it came from and why it failed,
 * goes to the durable queue {@code argus.dead-letters} (confirmed by the broker) before the original is
 * acknowledged. The frontends keep the parked messages for admins to list, replay or drop. Each parked message is
 * logged once at ERROR and counted ({@link ConsumerMeters}). Thread-safe.
 */
public final class DeadLetters {

    /** Header: the parked copy's own id (a UUID), by which it is kept once. */
    public static final String ID = "x-argus-dead-letter-id";
    /** Header: the queue the message was consumed from. */
    public static final String QUEUE = "x-argus-queue";
    /** Header: the exchange it was published to. */
    public static final String EXCHANGE = "x-argus-exchange";
    /** Header: its routing key. */
    public static final String ROUTING_KEY = "x-argus-routing-key";
    /** Header: why it was parked. */
    public static final String ERROR = "x-argus-error";
    /** Header: the process that parked it. */
    public static final String PROCESS = "x-argus-process";
    /** Header: when it was parked (ISO-8601). */
    public static final String PARKED_AT = "x-argus-parked-at";
    /**
     * Header: the RabbitMQ user that published it ({@code user_id}), moved out of the properties because the broker
     * refuses a {@code user_id} other than the parking process's own.
     */
    public static final String USER = "x-argus-user-id";
    /** Header: how many times handling it failed. */
    public static final String FAILURES = "x-argus-failures";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final MessagePublisher publisher;
    private final String process;
    private final AtomicLong parked = new AtomicLong();
    private final ConsumerMeters meters;

    /**
     * @param process the name of the parking process, e.g. {@code argus-brain}
     * @param meters  where parked messages and failed handlings are counted
     */
    public DeadLetters(MessagePublisher publisher, String process, ConsumerMeters meters) {
        this.publisher = publisher;
        this.process = process;
        this.meters = meters;
    }

    /**
     * Publishes a copy of the message to {@code argus.dead-letters} and waits for the broker's confirm.
     *
     * @throws AmqpException when the broker does not take it: the caller must not acknowledge the original
     */
    public void park(Message message, String reason, int failures) {
        var properties = message.getMessageProperties();
        String error = reason == null ? "unknown" : reason.length() > MAX_ERROR_LENGTH
                ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
        Message copy = MessageBuilder.withBody(message.getBody())
                .copyProperties(properties)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader(ID, UUID.randomUUID().toString())
                .setHeader(QUEUE, properties.getConsumerQueue())
                .setHeader(EXCHANGE, properties.getReceivedExchange())
                .setHeader(ROUTING_KEY, properties.getReceivedRoutingKey())
                .setHeader(ERROR, error)
                .setHeader(PROCESS, process)
                .setHeader(PARKED_AT, Instant.now().toString())
                .setHeader(FAILURES, failures)
                .setHeader(USER, properties.getReceivedUserId() != null ? properties.getReceivedUserId()
                        : properties.getUserId())
                .setUserId(null)
                .build();
        publisher.publishRaw(Topology.DEAD_LETTER_EXCHANGE, "", copy);
        parked.incrementAndGet();
        meters.parked(properties.getConsumerQueue());
        log.error("Parked message {} (type {}) from queue {} in {} after {} failure(s): {}",
                properties.getMessageId(), properties.getHeaders().get("__TypeId__"), properties.getConsumerQueue(),
                Topology.DEAD_LETTER_QUEUE, failures, error);
    }

    /** The consumers' meters, which count every failed handling ({@link GuardedConsumer}). */
    ConsumerMeters meters() {
        return meters;
    }

    /** How many messages this process parked since it started. */
    public long parkedCount() {
        return parked.get();
    }
}
