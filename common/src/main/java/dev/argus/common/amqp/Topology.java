package dev.argus.common.amqp;

import java.util.regex.Pattern;

/**
 * The AMQP topology every process agrees on. All exchanges are direct and durable, all queues durable, all
 * messages persistent. Each process declares what it consumes and what it publishes to, so start order does
 * not matter.
 *
 * <pre>
 * frontend --ScanRequested/CancelScan--> argus.brain [scan]    -> argus.brain.scans
 * probe    --ProbeResult---------------> argus.brain [result]  -> argus.brain.results
 * probe    --ProbeRegistered/Heartbeat-> argus.brain [probe]   -> argus.brain.probes
 * brain    --ProbeJob------------------> argus.probes [name]   -> argus.probe.{name}   (one queue per engine)
 * brain    --ResultReported/ScanDispatched-> argus.frontend [event]  -> argus.frontend.events
 * brain    --ProbeDirectoryUpdated-----> argus.frontend [probes] -> argus.frontend.probes
 * </pre>
 */
public final class Topology {

    public static final String BRAIN_EXCHANGE = "argus.brain";
    public static final String SCANS_QUEUE = "argus.brain.scans";
    public static final String SCANS_KEY = "scan";
    public static final String RESULTS_QUEUE = "argus.brain.results";
    public static final String RESULTS_KEY = "result";
    public static final String PROBES_QUEUE = "argus.brain.probes";
    public static final String PROBES_KEY = "probe";

    public static final String PROBE_EXCHANGE = "argus.probes";
    public static final String PROBE_QUEUE_PREFIX = "argus.probe.";

    public static final String FRONTEND_EXCHANGE = "argus.frontend";
    public static final String EVENTS_QUEUE = "argus.frontend.events";
    public static final String EVENTS_KEY = "event";
    public static final String DIRECTORY_QUEUE = "argus.frontend.probes";
    public static final String DIRECTORY_KEY = "probes";

    /** Probe names: lower-case letters, digits, '-' and '_', 1 to 64 characters, starting with a letter. */
    public static final Pattern PROBE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private Topology() {
    }

    /** The durable job queue of one engine; its routing key on {@link #PROBE_EXCHANGE} is the probe name. */
    public static String probeQueue(String probeName) {
        if (!PROBE_NAME.matcher(probeName).matches()) {
            throw new IllegalArgumentException("invalid probe name '" + probeName + "'");
        }
        return PROBE_QUEUE_PREFIX + probeName;
    }
}
