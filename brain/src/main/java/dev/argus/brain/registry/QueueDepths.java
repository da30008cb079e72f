package dev.argus.brain.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest measured backlog (ready messages) of each probe's job queue, as {@link QueueGauges} reads it, for the
 * directory the brain sends the frontends ({@code ProbeStatus#backlog}): the frontends bound bulk submissions by it
 * without a right to read the engine queues themselves. Thread-safe.
 */
@Component
public class QueueDepths {

    private final Map<String, Long> byProbe = new ConcurrentHashMap<>();

    /** Records a measurement of the probe's queue. */
    void record(String probe, long readyMessages) {
        byProbe.put(probe, readyMessages);
    }

    /** Forgets the probe's measurement (its queue could not be read). */
    void forget(String probe) {
        byProbe.remove(probe);
    }

    /** The last measurement of the probe's queue, or null when there is none. */
    public Long of(String probe) {
        return byProbe.get(probe);
    }
}
