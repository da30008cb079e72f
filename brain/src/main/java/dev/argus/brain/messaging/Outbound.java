package dev.argus.brain.messaging;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ResultReported;
import dev.argus.common.message.ScanDispatched;
import dev.argus.messaging.OutboundMessage;

/** The only routes the brain publishes on: each message of the brain with where it goes. */
public final class Outbound {

    private Outbound() {
    }

    /** A job for the probe's queue {@code argus.probe.<name>}. */
    public static OutboundMessage job(ProbeJob job) {
        return new OutboundMessage(Topology.PROBE_EXCHANGE, job.probe(), job);
    }

    /** A final result for the frontends. */
    public static OutboundMessage result(ResultReported result) {
        return new OutboundMessage(Topology.FRONTEND_EXCHANGE, Topology.EVENTS_KEY, result);
    }

    /** The fan-out summary of a scan for the frontends. */
    public static OutboundMessage dispatched(ScanDispatched dispatched) {
        return new OutboundMessage(Topology.FRONTEND_EXCHANGE, Topology.EVENTS_KEY, dispatched);
    }

    /** The whole probe directory for the frontends. */
    public static OutboundMessage directory(ProbeDirectoryUpdated directory) {
        return new OutboundMessage(Topology.FRONTEND_EXCHANGE, Topology.DIRECTORY_KEY, directory);
    }
}
