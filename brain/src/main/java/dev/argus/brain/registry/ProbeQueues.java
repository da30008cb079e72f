package dev.argus.brain.registry;

import dev.argus.messaging.ArgusTopology;
import dev.argus.messaging.QueueProperties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Declares each probe's durable job queue {@code argus.probe.<name>} and its binding to {@code argus.probes}
 * (routing key = probe name), as {@link ArgusTopology#probeQueue} builds them (with the queue type a probe declares
 * it with, {@link QueueProperties}), once per probe per connection of this process, so a job is never published to a
 * queue that does not exist. Thread-safe.
 */
@Component
public class ProbeQueues {

    private static final Logger log = LoggerFactory.getLogger(ProbeQueues.class);

    private final AmqpAdmin admin;
    private final QueueProperties queues;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    ProbeQueues(AmqpAdmin admin, ConnectionFactory connectionFactory, QueueProperties queues) {
        this.admin = admin;
        this.queues = queues;
        // A new connection may face a new broker: declare again on first use.
        connectionFactory.addConnectionListener(connection -> declared.clear());
    }

    /**
     * Makes sure the probe's queue and binding exist.
     *
     * @throws IllegalArgumentException when the name is not a valid probe name
     */
    public void ensureDeclared(String probe) {
        if (declared.contains(probe)) {
            return;
        }
        for (Declarable declarable : ArgusTopology.probeQueue(probe, queues).getDeclarables()) {
            switch (declarable) {
                case Queue queue -> declareQueue(queue);
                case Exchange exchange -> admin.declareExchange(exchange);
                case Binding binding -> admin.declareBinding(binding);
                default -> throw new IllegalStateException("unexpected declarable " + declarable);
            }
        }
        declared.add(probe);
    }

    /**
     * Declares the queue; when the broker refuses (an engine queue of a deployment from before priorities, declared
     * without {@code x-max-priority}: PRECONDITION_FAILED), deletes it only if it is empty and has no consumer, and
     * declares it again. A queue still holding jobs or consumed by a probe of the old version stays, and the dispatch
     * fails until it is drained (docs/operations.md#upgrading-to-priority-queues).
     */
    private void declareQueue(Queue queue) {
        try {
            admin.declareQueue(queue);
        } catch (AmqpException refused) {
            try {
                admin.deleteQueue(queue.getName(), true, true);
            } catch (AmqpException inUse) {
                throw new IllegalStateException("cannot declare queue " + queue.getName() + " " + queue.getArguments()
                        + " and cannot replace it (not empty or still consumed): drain it, stop the probes of the "
                        + "old version, see docs/operations.md#upgrading-to-priority-queues", refused);
            }
            admin.declareQueue(queue);
            log.warn("queue {} replaced by one with arguments {} (it was declared with other arguments, empty and "
                    + "unused)", queue.getName(), queue.getArguments());
        }
    }
}
