package dev.argus.common.amqp;

import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ForgetFiles;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanProgressed;
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
            "ForgetFiles", ForgetFiles.class,
            "ScanFiles", ScanFiles.class,
            "ResultsReported", ResultsReported.class,
            "ProbeRegistered", ProbeRegistered.class,
            "ProbeDirectoryUpdated", ProbeDirectoryUpdated.class,
            "ScanProgressed", ScanProgressed.class);

    private MessageTypes() {
    }

    /** Type id to class, for every message of the contract. */
    public static Map<String, Class<?>> byId() {
        return BY_ID;
    }
}
