package dev.argus.common.amqp;

import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeHeartbeat;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ProbeResult;
import dev.argus.common.message.ResultReported;
import dev.argus.common.message.ScanDispatched;
import dev.argus.common.message.ScanRequested;
import java.util.Map;

/**
 * The short type ids sent in the {@code __TypeId__} header, so the wire names a message by its contract
 * name rather than by a Java class name.
 */
public final class MessageTypes {

    /** Header carrying the type id (the Spring AMQP default). */
    public static final String TYPE_HEADER = "__TypeId__";

    private static final Map<String, Class<?>> BY_ID = Map.of(
            "ScanRequested", ScanRequested.class,
            "CancelScan", CancelScan.class,
            "ProbeJob", ProbeJob.class,
            "ProbeResult", ProbeResult.class,
            "ProbeRegistered", ProbeRegistered.class,
            "ProbeHeartbeat", ProbeHeartbeat.class,
            "ResultReported", ResultReported.class,
            "ScanDispatched", ScanDispatched.class,
            "ProbeDirectoryUpdated", ProbeDirectoryUpdated.class);

    private MessageTypes() {
    }

    /** Type id to class, for every message of the contract. */
    public static Map<String, Class<?>> byId() {
        return BY_ID;
    }
}
