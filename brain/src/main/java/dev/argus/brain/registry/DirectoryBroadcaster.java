package dev.argus.brain.registry;

import dev.argus.brain.BrainProperties;
import dev.argus.messaging.Routes;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeStatus;
import dev.argus.messaging.MessagePublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the whole probe directory ({@code ProbeDirectoryUpdated}) to the frontends: at once when it changed
 * (a new probe, an online/offline flip, a new descriptor such as a new engine or signature version, a changed
 * instance count), checked after every registration or heartbeat and every {@code sweep-interval} (probes go
 * offline by silence); and unconditionally every {@code directory-interval}. Logs one INFO line per probe
 * that comes online or goes offline. Thread-safe.
 */
@Component
class DirectoryBroadcaster implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DirectoryBroadcaster.class);
    /** Instances silent for this long are deleted: every probe restart brings a new instance id. */
    private static final Duration INSTANCE_RETENTION = Duration.ofDays(1);

    private final ProbeRegistry registry;
    private final MessagePublisher publisher;
    private final BrainProperties properties;
    private final Clock clock;
    private final QueueDepths depths;
    /** What was last published, without the last-seen times (they change with every heartbeat). */
    private Map<String, Fingerprint> published = Map.of();

    DirectoryBroadcaster(ProbeRegistry registry, MessagePublisher publisher, BrainProperties properties, Clock clock,
                         QueueDepths depths) {
        this.registry = registry;
        this.depths = depths;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> guarded("change check", this::publishIfChanged), properties.sweepInterval());
        registrar.addFixedDelayTask(() -> guarded("periodic broadcast", this::broadcast),
                properties.directoryInterval());
    }

    /** Publishes the directory if it differs from the last one this brain published. */
    synchronized void publishIfChanged() {
        List<ProbeStatus> directory = registry.directory();
        if (!fingerprints(directory).equals(published)) {
            publish(directory);
        }
    }

    /** Publishes the directory whatever it is, and forgets long-silent instances and probes. */
    synchronized void broadcast() {
        registry.forgetInstancesSeenBefore(clock.instant().minus(INSTANCE_RETENTION));
        registry.forgetProbesSeenBefore(clock.instant().minus(properties.forgetProbesAfter()));
        publish(registry.directory());
    }

    private void publish(List<ProbeStatus> directory) {
        List<ProbeStatus> measured = directory.stream()
                .map(status -> status.withBacklog(depths.of(status.probe().name()))).toList();
        publisher.publishAll(List.of(Routes.directory(new ProbeDirectoryUpdated(measured, clock.instant()))));
        Map<String, Fingerprint> now = fingerprints(directory);
        logFlips(published, now);
        published = now;
    }

    private static void logFlips(Map<String, Fingerprint> before, Map<String, Fingerprint> after) {
        after.forEach((name, current) -> {
            Fingerprint previous = before.get(name);
            boolean wasOnline = previous != null && previous.online();
            if (current.online() && !wasOnline) {
                log.info("Probe {} is online: {} instance(s), engine {} signatures {}", name, current.instances(),
                        current.descriptor().engineVersion(), current.descriptor().signatureVersion());
            } else if (!current.online() && wasOnline) {
                log.info("Probe {} went offline: no instance seen for the offline threshold", name);
            }
        });
    }

    private static Map<String, Fingerprint> fingerprints(List<ProbeStatus> directory) {
        return directory.stream().collect(Collectors.toMap(s -> s.probe().name(),
                s -> new Fingerprint(s.probe(), s.online(), s.instances()), (a, b) -> a));
    }

    private void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Probe directory {} failed, retrying on schedule: {}", what, e.toString());
        }
    }

    /** The parts of a probe's status whose change is worth an immediate broadcast. */
    private record Fingerprint(ProbeDescriptor descriptor, boolean online, int instances) {
    }
}
