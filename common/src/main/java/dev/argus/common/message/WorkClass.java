package dev.argus.common.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How urgently a scan's work is wanted: {@link #INTERACTIVE} (someone waits: the web form, a single-file upload, the
 * clamd front door, a VirusTotal single-file submit) or {@link #BULK} (batches past a size, rescans, the CLI's
 * directory scans). Interactive work overtakes bulk work on every engine queue where the broker supports message
 * priorities ({@code x-max-priority}, classic queues; docs/architecture.md#priorities), and only bulk submissions
 * are refused while an engine's backlog is past its bound.
 */
public enum WorkClass {
    INTERACTIVE(2), BULK(0);

    /** The {@code x-max-priority} of the engine queues: room above the highest priority used, fixed for good. */
    public static final int MAX_PRIORITY = 2;

    private final int priority;

    WorkClass(int priority) {
        this.priority = priority;
    }

    /** The AMQP message priority of this class's probe jobs. */
    public int priority() {
        return priority;
    }

    /** The lower-case name on the wire and in the API. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class of this wire name (case-insensitive), or null when it names none. */
    @JsonCreator
    public static WorkClass fromWire(String name) {
        if (name == null) {
            return null;
        }
        for (WorkClass workClass : values()) {
            if (workClass.wireName().equalsIgnoreCase(name.strip())) {
                return workClass;
            }
        }
        return null;
    }

    /** The class, INTERACTIVE where none was given (messages of processes from before work classes). */
    public static WorkClass orInteractive(WorkClass workClass) {
        return workClass == null ? INTERACTIVE : workClass;
    }
}
