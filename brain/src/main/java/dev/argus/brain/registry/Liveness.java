package dev.argus.brain.registry;

import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Computes the probe directory from what was stored: a probe is online while at least one of its instances
 * was seen within the offline threshold, and its instance count is the number of such instances. Pure.
 */
final class Liveness {

    private Liveness() {
    }

    /** A probe as stored: its latest descriptor and when any instance last sent it. */
    record SeenProbe(ProbeDescriptor descriptor, Instant lastSeen) {
    }

    /** One instance of one probe and when it was last seen. */
    record SeenInstance(String instanceId, String probeName, Instant lastSeen) {
    }

    /** True when something seen at {@code lastSeen} still counts as alive at {@code now}. */
    static boolean alive(Instant lastSeen, Instant now, Duration offlineAfter) {
        return !lastSeen.isBefore(now.minus(offlineAfter));
    }

    /** Every known probe with its status, sorted by name. */
    static List<ProbeStatus> directory(Collection<SeenProbe> probes, Collection<SeenInstance> instances, Instant now,
                                       Duration offlineAfter) {
        Map<String, Long> aliveInstances = instances.stream()
                .filter(i -> alive(i.lastSeen(), now, offlineAfter))
                .collect(Collectors.groupingBy(SeenInstance::probeName, Collectors.counting()));
        return probes.stream()
                .sorted(Comparator.comparing(p -> p.descriptor().name()))
                .map(p -> {
                    int count = aliveInstances.getOrDefault(p.descriptor().name(), 0L).intValue();
                    return new ProbeStatus(p.descriptor(), count > 0, count, p.lastSeen());
                })
                .toList();
    }
}
