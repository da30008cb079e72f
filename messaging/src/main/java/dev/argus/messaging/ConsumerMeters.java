package dev.argus.messaging;

import dev.argus.common.amqp.Topology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import org.springframework.amqp.AmqpException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The meters of the {@link GuardedConsumer}s of a process: {@code argus.messages.parked} (messages parked in
 * {@code argus.dead-letters}) and {@code argus.consumer.failures} (failed handlings of messages, by the kind of the
 * failure: {@code database}, {@code broker}, {@code infrastructure} or {@code message}), both tagged by the consumed queue. The queue tag
 * never names an instance: the per-instance live queues of the frontends count as {@code argus.live.*}.
 * Thread-safe.
 */
public final class ConsumerMeters {

    /** A failure of the database (Spring's {@link DataAccessException} anywhere in the cause chain). */
    static final String DATABASE = "database";
    /** A failure of the broker or of the network to it. */
    static final String BROKER = "broker";
    /** Another transient failure (a network error outside the broker's and the database's own exceptions). */
    static final String INFRASTRUCTURE = "infrastructure";
    /** Any other failure: the message itself could not be handled (a redelivery repeats it). */
    static final String MESSAGE = "message";

    private final MeterRegistry registry;

    public ConsumerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A message parked from {@code queue}. */
    void parked(String queue) {
        Counter.builder("argus.messages.parked")
                .description("Messages a consumer could not handle and parked in argus.dead-letters")
                .tag("queue", queueTag(queue))
                .register(registry)
                .increment();
    }

    /** A failed handling of {@code messages} messages of {@code queue}. */
    void failed(String queue, Throwable failure, int messages) {
        Counter.builder("argus.consumer.failures")
                .description("Failed handlings of consumed messages, by kind: database, broker, infrastructure or message")
                .tag("queue", queueTag(queue))
                .tag("kind", kind(failure))
                .register(registry)
                .increment(messages);
    }

    /**
     * {@link #DATABASE}, {@link #BROKER}, {@link #INFRASTRUCTURE} (another failure {@link Failures#isTransient} calls
     * transient, e.g. a refused connection) or {@link #MESSAGE}.
     */
    static String kind(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof SQLException || t instanceof TransactionException) {
                return DATABASE;
            }
            if (t instanceof AmqpException) {
                return BROKER;
            }
        }
        return Failures.isTransient(failure) ? INFRASTRUCTURE : MESSAGE;
    }

    /** The queue as a tag value: a frontend's own live queue becomes {@code argus.live.*}. */
    static String queueTag(String queue) {
        if (queue == null) {
            return "unknown";
        }
        return queue.startsWith(Topology.LIVE_QUEUE_PREFIX) ? Topology.LIVE_QUEUE_PREFIX + "*" : queue;
    }
}
