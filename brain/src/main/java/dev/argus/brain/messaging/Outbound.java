package dev.argus.brain.messaging;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ResultReported;
import dev.argus.common.message.ScanDispatched;
import java.util.Objects;

/**
 * One message the brain is about to publish, with where it goes. The factories are the only routes the brain
 * uses.
 *
 * @param exchange   the exchange
 * @param routingKey the routing key
 * @param payload    a message record of the contract
 */
public record Outbound(String exchange, String routingKey, Object payload) {

    public Outbound {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(payload, "payload");
    }

    /** A job for the probe's queue {@code argus.probe.<name>}. */
    public static Outbound job(ProbeJob job) {
        return new Outbound(Topology.PROBE_EXCHANGE, job.probe(), job);
    }

    /** A final result for the frontends. */
    public static Outbound result(ResultReported result) {
        return new Outbound(Topology.FRONTEND_EXCHANGE, Topology.EVENTS_KEY, result);
    }

    /** The fan-out summary of a scan for the frontends. */
    public static Outbound dispatched(ScanDispatched dispatched) {
        return new Outbound(Topology.FRONTEND_EXCHANGE, Topology.EVENTS_KEY, dispatched);
    }

    /** The whole probe directory for the frontends. */
    public static Outbound directory(ProbeDirectoryUpdated directory) {
        return new Outbound(Topology.FRONTEND_EXCHANGE, Topology.DIRECTORY_KEY, directory);
    }
}
