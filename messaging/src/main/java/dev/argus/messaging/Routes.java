package dev.argus.messaging;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ForgetFiles;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanProgressed;
import dev.argus.common.message.ScanRequested;

/** The route table: every message of the contract with the exchange and routing key it is published with. */
public final class Routes {

    private Routes() {
    }

    /** Frontend to brain. */
    public static OutboundMessage scanRequested(ScanRequested request) {
        return new OutboundMessage(Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY, request);
    }

    /** Frontend to brain. */
    public static OutboundMessage cancelScan(CancelScan cancel) {
        return new OutboundMessage(Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY, cancel);
    }

    /** Frontend to brain. */
    public static OutboundMessage forgetFiles(ForgetFiles forget) {
        return new OutboundMessage(Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY, forget);
    }

    /**
     * Brain to the engine's queue {@code argus.probe.<name>}, with the batch's work class as the message priority
     * (a priority queue delivers interactive batches before bulk ones; ArgusTopology#probeQueue).
     */
    public static OutboundMessage scanFiles(ScanFiles jobs) {
        return new OutboundMessage(Topology.PROBE_EXCHANGE, jobs.probe(), jobs, jobs.workClass().priority());
    }

    /** A probe's results: to the brain's bookkeeping queue and the frontends' results queue. */
    public static OutboundMessage probeResults(String probe, ResultsReported results) {
        return new OutboundMessage(Topology.RESULTS_EXCHANGE, Topology.probeResultKey(probe), results);
    }

    /** Results the brain made itself (filter, offline, cache, deadline): to the frontends' results queue only. */
    public static OutboundMessage brainResults(ResultsReported results) {
        return new OutboundMessage(Topology.RESULTS_EXCHANGE, Topology.BRAIN_RESULT_KEY, results);
    }

    /** Probe to brain, at start and as heartbeat. */
    public static OutboundMessage registration(ProbeRegistered registered) {
        return new OutboundMessage(Topology.REGISTRY_EXCHANGE, Topology.PROBES_KEY, registered);
    }

    /** Brain to the frontends. */
    public static OutboundMessage directory(ProbeDirectoryUpdated directory) {
        return new OutboundMessage(Topology.FRONTEND_EXCHANGE, Topology.DIRECTORY_KEY, directory);
    }

    /** Frontend to every frontend (transient). */
    public static OutboundMessage live(ScanProgressed progressed) {
        return new OutboundMessage(Topology.LIVE_EXCHANGE, "", progressed);
    }
}
