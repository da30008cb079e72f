package dev.argus.frontend.deadletter;

import dev.argus.common.amqp.Topology;
import dev.argus.messaging.MessagePublisher;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a parked message again to the exchange and routing key it was first published with, as it was (body,
 * content type, type id; a new message id, so its failures are counted afresh), waits for the broker's confirm and
 * then removes it from the table, in one transaction: a failed publish keeps it.
 */
@Service
class Replays {

    /** What a replay did. */
    enum Outcome { REPLAYED, NOT_FOUND, NOT_REPLAYABLE }

    /** The exchanges a replay may publish to: those of the contract's durable routes. */
    static final Set<String> EXCHANGES = Set.of(Topology.BRAIN_EXCHANGE, Topology.PROBE_EXCHANGE,
            Topology.RESULTS_EXCHANGE, Topology.FRONTEND_EXCHANGE);
    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final DeadLetterStore store;
    private final MessagePublisher publisher;

    Replays(DeadLetterStore store, MessagePublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * Replays the parked message.
     *
     * @throws org.springframework.amqp.AmqpException when the broker does not confirm it (the message stays parked)
     */
    @Transactional
    public Outcome replay(UUID id) {
        DeadLetterStore.Stored stored = store.lock(id).orElse(null);
        if (stored == null) {
            return Outcome.NOT_FOUND;
        }
        if (stored.exchange() == null || !EXCHANGES.contains(stored.exchange())) {
            return Outcome.NOT_REPLAYABLE;
        }
        var message = MessageBuilder.withBody(stored.body())
                .setContentType(stored.contentType())
                .setMessageId(UUID.randomUUID().toString())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader("__TypeId__", stored.messageType())
                .build();
        publisher.publishRaw(stored.exchange(), stored.routingKey() == null ? "" : stored.routingKey(), message);
        store.delete(id);
        log.info("replayed parked message {} ({}) to {} [{}]", id, stored.messageType(), stored.exchange(),
                stored.routingKey());
        return Outcome.REPLAYED;
    }
}
