package dev.argus.messaging;

import java.time.Duration;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/** Builds the listener containers of every process the same way: manual acknowledgement by a {@link GuardedConsumer}. */
public final class Consumers {

    /**
     * How a queue is consumed.
     *
     * @param concurrency    consumers (threads) on the queue
     * @param prefetch       unacknowledged messages each consumer may hold (raised to the batch size)
     * @param batchSize      messages handed to the listener at once; 1 for no batching
     * @param receiveTimeout how long a consumer waits for the next message while filling a batch; it bounds the
     *                       latency batching adds to a lone message
     */
    public record Settings(int concurrency, int prefetch, int batchSize, Duration receiveTimeout) {

        /** One message at a time, for queues whose messages are already batches or rare. */
        public static Settings single(int concurrency, int prefetch) {
            return new Settings(concurrency, prefetch, 1, Duration.ofSeconds(1));
        }
    }

    private Consumers() {
    }

    /** A container, not started unless {@code autoStartup}; the caller owns its lifecycle (or makes it a bean). */
    public static SimpleMessageListenerContainer container(ConnectionFactory connectionFactory, String queue,
                                                           GuardedConsumer listener, Settings settings,
                                                           boolean autoStartup) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setBeanName("consumer-" + queue);
        container.setQueueNames(queue);
        container.setConcurrentConsumers(settings.concurrency());
        container.setPrefetchCount(Math.max(settings.prefetch(), settings.batchSize()));
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setDefaultRequeueRejected(true);
        container.setMissingQueuesFatal(false);
        container.setAutoStartup(autoStartup);
        if (settings.batchSize() > 1) {
            container.setConsumerBatchEnabled(true);
            container.setBatchSize(settings.batchSize());
        }
        container.setReceiveTimeout(settings.receiveTimeout().toMillis());
        container.setMessageListener(listener);
        return container;
    }
}
