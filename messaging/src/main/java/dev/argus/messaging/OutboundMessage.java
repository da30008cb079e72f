package dev.argus.messaging;

import java.util.Objects;

/**
 * One message about to be published, with where it goes.
 *
 * @param exchange   the exchange, e.g. {@code dev.argus.common.amqp.Topology.BRAIN_EXCHANGE}
 * @param routingKey the routing key
 * @param payload    a message record of the contract ({@code dev.argus.common.message}), sent as JSON
 * @param priority   the AMQP message priority (probe jobs, {@code WorkClass#priority()}), or null for none
 */
public record OutboundMessage(String exchange, String routingKey, Object payload, Integer priority) {

    public OutboundMessage {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(payload, "payload");
    }

    /** A message without a priority. */
    public OutboundMessage(String exchange, String routingKey, Object payload) {
        this(exchange, routingKey, payload, null);
    }
}
