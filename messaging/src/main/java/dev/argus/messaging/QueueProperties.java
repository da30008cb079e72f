package dev.argus.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The type of the durable, shared queues every process declares ({@code argus.messaging.*}; environment variables
 * {@code ARGUS_MESSAGING_QUEUE_TYPE} and {@code ARGUS_MESSAGING_DELIVERY_LIMIT}). Every process of one deployment
 * must be given the same values: the queues are declared by several of them ({@link ArgusTopology}), and RabbitMQ
 * refuses a declaration whose arguments differ from the queue's ({@code PRECONDITION_FAILED}).
 *
 * @param queueType     {@code classic} (the default; single-node brokers and the standalone mode's embedded broker)
 *                      or {@code quorum} (replicated, for a RabbitMQ cluster)
 * @param deliveryLimit for quorum queues, how often the broker delivers a message before it dead-letters it
 *                      ({@code x-delivery-limit}); ignored for classic queues. Keep it above the processes'
 *                      {@code max-failures}, after which they park a failing message themselves
 */
@ConfigurationProperties(QueueProperties.PREFIX)
public record QueueProperties(@DefaultValue("classic") Type queueType, @DefaultValue("20") int deliveryLimit) {

    /** The prefix of these settings. */
    public static final String PREFIX = "argus.messaging";
    /** The full name of the queue-type setting, e.g. for a mode that must force it. */
    public static final String QUEUE_TYPE = PREFIX + ".queue-type";
    /** The defaults: classic queues. */
    public static final QueueProperties CLASSIC = new QueueProperties(Type.CLASSIC, 20);

    /** A queue type of RabbitMQ ({@code x-queue-type}). */
    public enum Type {
        CLASSIC("classic"), QUORUM("quorum");

        private final String argument;

        Type(String argument) {
            this.argument = argument;
        }

        /** The value of {@code x-queue-type}. */
        public String argument() {
            return argument;
        }
    }

    public QueueProperties {
        if (queueType == null) {
            throw new IllegalArgumentException(QUEUE_TYPE + " must be classic or quorum");
        }
        if (deliveryLimit < 1) {
            throw new IllegalArgumentException(PREFIX + ".delivery-limit must be at least 1, not " + deliveryLimit);
        }
    }

    /** Quorum queues with this delivery limit. */
    public static QueueProperties quorum(int deliveryLimit) {
        return new QueueProperties(Type.QUORUM, deliveryLimit);
    }
}
