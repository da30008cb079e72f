package dev.argus.messaging;

import java.util.Objects;

/**
 * One message about to be published, with where it goes.
 *
 * @param exchange   the exchange, e.g. {@code dev.argus.common.amqp.Topology.BRAIN_EXCHANGE}
 * @param routingKey the routing key
 * @param payload    a message record of the contract ({@code dev.argus.common.message}), sent as JSON
 */
public record OutboundMessage(String exchange, String routingKey, Object payload) {

    public OutboundMessage {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(payload, "payload");
    }
}
