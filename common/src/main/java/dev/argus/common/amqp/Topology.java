package dev.argus.common.amqp;

import java.util.regex.Pattern;

/**
 * The names of the AMQP topology every process agrees on. Exchanges and queues are durable and messages persistent,
 * except the live-event exchange and each frontend's own live queue, which only wake clients up. The declarations
 * themselves are built in one place, {@code dev.argus.messaging.ArgusTopology}, from these names.
 *
 * <pre>
 * frontend --ScanRequested/CancelScan--> argus.brain [scan]          -> argus.brain.scans
 * frontend --ForgetFiles---------------> argus.brain [scan]          -> argus.brain.scans
 * probe    --ProbeRegistered-----------> argus.registry [probe]      -> argus.brain.probes
 * brain    --ScanFiles-----------------> argus.probes [name]         -> argus.probe.{name}   (one queue per engine)
 * probe    --ResultsReported-----------> argus.results [probe.{name}] -> argus.brain.results and argus.frontend.results
 * brain    --ResultsReported-----------> argus.results [brain]        -> argus.frontend.results
 * brain    --ProbeDirectoryUpdated-----> argus.frontend [probes]     -> argus.frontend.probes
 * frontend --ScanProgressed------------> argus.live (fan-out)        -> argus.live.{instance}  (transient, per frontend)
 * any      --an unhandled message------> argus.dead-letters (fan-out) -> argus.parked
 * </pre>
 */
public final class Topology {

    public static final String BRAIN_EXCHANGE = "argus.brain";
    public static final String SCANS_QUEUE = "argus.brain.scans";
    public static final String SCANS_KEY = "scan";
    public static final String PROBES_QUEUE = "argus.brain.probes";
    public static final String PROBES_KEY = "probe";
    /**
     * Direct exchange of the probes' registrations and heartbeats, apart from {@link #BRAIN_EXCHANGE} so that a
     * probe's RabbitMQ user may publish these and not a scan request or cancellation.
     */
    public static final String REGISTRY_EXCHANGE = "argus.registry";

    public static final String PROBE_EXCHANGE = "argus.probes";
    public static final String PROBE_QUEUE_PREFIX = "argus.probe.";

    /** Topic exchange of results: a probe publishes with {@code probe.<name>}, the brain with {@code brain}. */
    public static final String RESULTS_EXCHANGE = "argus.results";
    /** The brain's bookkeeping queue: every probe's results ({@code probe.*}), not the brain's own. */
    public static final String BRAIN_RESULTS_QUEUE = "argus.brain.results";
    public static final String BRAIN_RESULTS_BINDING = "probe.*";
    /** The frontends' queue (competing consumers): every result ({@code #}). */
    public static final String FRONTEND_RESULTS_QUEUE = "argus.frontend.results";
    public static final String FRONTEND_RESULTS_BINDING = "#";
    /** Routing key of the results the brain makes itself (filter, offline, cache, deadline). */
    public static final String BRAIN_RESULT_KEY = "brain";

    public static final String FRONTEND_EXCHANGE = "argus.frontend";
    public static final String DIRECTORY_QUEUE = "argus.frontend.probes";
    public static final String DIRECTORY_KEY = "probes";

    /** Fan-out exchange of live events between frontends; each frontend binds its own transient queue. */
    public static final String LIVE_EXCHANGE = "argus.live";
    public static final String LIVE_QUEUE_PREFIX = "argus.live.";

    /** Fan-out exchange where every process parks a message it could not handle. */
    public static final String DEAD_LETTER_EXCHANGE = "argus.dead-letters";
    /**
     * The durable queue of parked messages, read by the frontends only. Named apart from its exchange so that the
     * right to bind to the exchange (which every process needs) is not the right to read the queue.
     */
    public static final String DEAD_LETTER_QUEUE = "argus.parked";

    /** Probe names: lower-case letters, digits, '-' and '_', 1 to 64 characters, starting with a letter. */
    public static final Pattern PROBE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private Topology() {
    }

    /** The durable job queue of one engine; its routing key on {@link #PROBE_EXCHANGE} is the probe name. */
    public static String probeQueue(String probeName) {
        return PROBE_QUEUE_PREFIX + validProbe(probeName);
    }

    /** The routing key of a probe's results on {@link #RESULTS_EXCHANGE}. */
    public static String probeResultKey(String probeName) {
        return "probe." + validProbe(probeName);
    }

    private static String validProbe(String probeName) {
        if (probeName == null || !PROBE_NAME.matcher(probeName).matches()) {
            throw new IllegalArgumentException("invalid probe name '" + probeName + "'");
        }
        return probeName;
    }
}
