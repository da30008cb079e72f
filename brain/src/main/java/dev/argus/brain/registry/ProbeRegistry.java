package dev.argus.brain.registry;

import dev.argus.brain.BrainProperties;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The probe registry, kept in PostgreSQL so that several brains share it and a restarted brain keeps it:
 * records registrations and heartbeats and answers which probes exist and which are online.
 */
@Service
public class ProbeRegistry {

    private static final Logger log = LoggerFactory.getLogger(ProbeRegistry.class);
    /** How long the fan-out reuses one reading of the directory. */
    static final Duration SNAPSHOT_TTL = Duration.ofSeconds(1);

    private final ProbeRepository probes;
    private final ProbeInstanceRepository instances;
    private final ProbeQueues probeQueues;
    private final BrainProperties properties;
    private final Clock clock;
    private final Set<String> rejectedNames = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectedCredentials = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot;

    ProbeRegistry(ProbeRepository probes, ProbeInstanceRepository instances, ProbeQueues probeQueues,
                  BrainProperties properties, Clock clock) {
        this.probes = probes;
        this.instances = instances;
        this.probeQueues = probeQueues;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records that a probe process was alive at {@code at} and runs these engines: declares each engine's
     * queue, then upserts the probe and the instance. The time is the sender's, capped at now, so a backlog
     * of heartbeats from a dead process does not make it look alive. An engine the sender's credential may not speak
     * for ({@link ProbeCredentials}) is skipped with a WARN (once per engine and credential).
     *
     * @param credential the RabbitMQ user that published the message ({@code user_id}), null when it carried none
     */
    @Transactional
    public void record(String instanceId, List<ProbeDescriptor> engines, Instant at, String credential) {
        Instant now = clock.instant();
        Instant seen = at == null || at.isAfter(now) ? now : at;
        for (ProbeDescriptor engine : engines) {
            if (engine == null || engine.name() == null || !Topology.PROBE_NAME.matcher(engine.name()).matches()) {
                if (engine != null && rejectedNames.add(String.valueOf(engine.name()))) {
                    log.warn("Ignoring probe '{}' of instance {}: a probe name is 1 to 64 lower-case letters, digits,"
                            + " '-' or '_', starting with a letter", engine.name(), instanceId);
                }
                continue;
            }
            String owner = probes.findById(engine.name()).map(ProbeEntity::registeredBy).orElse(null);
            String problem = ProbeCredentials.problem(engine.name(), credential, owner);
            if (problem != null) {
                if (rejectedCredentials.add(engine.name() + "/" + credential)) {
                    log.warn("Ignoring probe {} of instance {}: {}", engine.name(), instanceId, problem);
                }
                continue;
            }
            probeQueues.ensureDeclared(engine.name());
            probes.upsert(engine.name(), engine.displayName(), engine.category().wireName(), engine.version(),
                    engine.engineVersion(), engine.signatureVersion(), engine.mimeTypes(), engine.timeoutMs(), seen,
                    credential);
            instances.upsert(instanceId, engine.name(), seen);
        }
        snapshot = null;
    }

    /** Every known probe with its current status, sorted by name. */
    @Transactional(readOnly = true)
    public List<ProbeStatus> directory() {
        Instant now = clock.instant();
        List<Liveness.SeenProbe> known = probes.findAll().stream()
                .map(p -> new Liveness.SeenProbe(p.toDescriptor(), p.lastSeen()))
                .toList();
        List<Liveness.SeenInstance> recent = instances
                .findByLastSeenGreaterThanEqual(now.minus(properties.probeOfflineAfter())).stream()
                .map(i -> new Liveness.SeenInstance(i.instanceId(), i.probeName(), i.lastSeen()))
                .toList();
        return Liveness.directory(known, recent, now, properties.probeOfflineAfter());
    }

    /**
     * The directory keyed by probe name, for the fan-out of every scan: read from the database at most once per
     * {@link #SNAPSHOT_TTL} and again after any registration or heartbeat this brain records, so a scan costs no
     * registry queries (they were a fifth of the brain's CPU time per file, see docs/performance.md). A probe
     * that just went silent is seen offline at most that much later; another brain's writes likewise.
     */
    @Transactional(readOnly = true)
    public Map<String, ProbeStatus> statusesByName() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || now.isBefore(current.takenAt()) || now.isAfter(current.takenAt().plus(SNAPSHOT_TTL))) {
            current = new Snapshot(directory().stream()
                    .collect(Collectors.toUnmodifiableMap(s -> s.probe().name(), Function.identity())), now);
            snapshot = current;
        }
        return current.byName();
    }

    /** The directory as read at {@code takenAt}. */
    private record Snapshot(Map<String, ProbeStatus> byName, Instant takenAt) {
    }

    /** The latest descriptor of a probe, if it is known. */
    @Transactional(readOnly = true)
    public Optional<ProbeDescriptor> descriptor(String name) {
        return probes.findById(name).map(ProbeEntity::toDescriptor);
    }

    /** Forgets instances not seen since {@code before} (each probe restart brings a new instance id). */
    @Transactional
    public int forgetInstancesSeenBefore(Instant before) {
        return instances.deleteSeenBefore(before);
    }
}
