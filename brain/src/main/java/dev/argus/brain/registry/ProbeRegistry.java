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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
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
    /** Most refused names and credentials remembered for logging each once: forged ones must not grow them. */
    static final int MAX_REMEMBERED_REFUSALS = 1000;
    /** The longest instance id recorded (a probe's is its host name and 8 hex digits). */
    static final int MAX_INSTANCE_ID = 128;
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_INSTANCE_ID + "}");

    private final ProbeRepository probes;
    private final ProbeInstanceRepository instances;
    private final ProbeQueues probeQueues;
    private final BrainProperties properties;
    private final Clock clock;
    private final Set<String> rejectedNames = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectedCredentials = ConcurrentHashMap.newKeySet();
    private final AtomicLong fullWarnedAt = new AtomicLong(Long.MIN_VALUE);
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
     * A malformed instance id (not 1 to {@value #MAX_INSTANCE_ID} letters, digits, '.', '_' or '-') is ignored
     * whole; a new probe name beyond {@link BrainProperties#maxProbes()} is ignored with a WARN at most once a minute.
     *
     * @param credential the RabbitMQ user that published the message ({@code user_id}), null when it carried none
     */
    @Transactional
    public void record(String instanceId, List<ProbeDescriptor> engines, Instant at, String credential) {
        Instant now = clock.instant();
        Instant seen = at == null || at.isAfter(now) ? now : at;
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            if (remember(rejectedNames, "instance:" + instanceId)) {
                log.warn("Ignoring a registration from a malformed instance id '{}': an instance id is 1 to {}"
                        + " letters, digits, '.', '_' or '-'", printable(instanceId), MAX_INSTANCE_ID);
            }
            return;
        }
        for (ProbeDescriptor engine : engines) {
            if (engine == null || engine.name() == null || !Topology.PROBE_NAME.matcher(engine.name()).matches()) {
                if (engine != null && remember(rejectedNames, String.valueOf(engine.name()))) {
                    log.warn("Ignoring probe '{}' of instance {}: a probe name is 1 to 64 lower-case letters, digits,"
                            + " '-' or '_', starting with a letter", printable(engine.name()), instanceId);
                }
                continue;
            }
            Optional<ProbeEntity> known = probes.findById(engine.name());
            if (known.isEmpty() && probes.count() >= properties.maxProbes()) {
                warnFull(engine.name(), instanceId, now);
                continue;
            }
            String owner = known.map(ProbeEntity::registeredBy).orElse(null);
            String problem = ProbeCredentials.problem(engine.name(), credential, owner);
            if (problem != null) {
                if (remember(rejectedCredentials, engine.name() + "/" + credential)) {
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

    /** A forged name as a log may show it: at most 80 characters, control characters escaped (no forged lines). */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 80 ? shown + "..." : shown.toString();
    }

    /** Adds to a set of logged refusals unless it is full; true when the refusal is to be logged. */
    private static boolean remember(Set<String> refusals, String key) {
        return refusals.size() < MAX_REMEMBERED_REFUSALS && refusals.add(key);
    }

    private void warnFull(String name, String instanceId, Instant now) {
        long last = fullWarnedAt.get();
        long minute = now.getEpochSecond() / 60;
        if (last != minute && fullWarnedAt.compareAndSet(last, minute)) {
            log.warn("Ignoring new probe {} of instance {}: the registry holds argus.brain.max-probes={} probes"
                    + " (further ones are ignored silently for a minute)", name, instanceId, properties.maxProbes());
        }
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

    /**
     * Forgets probes none of whose instances was heard of since {@code before}
     * ({@link BrainProperties#forgetProbesAfter()}), with their instances.
     */
    @Transactional
    public int forgetProbesSeenBefore(Instant before) {
        int forgotten = probes.deleteSeenBefore(before);
        if (forgotten > 0) {
            snapshot = null;
            log.info("Forgot {} probe(s) silent since {}", forgotten, before);
        }
        return forgotten;
    }

    /** Forgets instances not seen since {@code before} (each probe restart brings a new instance id). */
    @Transactional
    public int forgetInstancesSeenBefore(Instant before) {
        return instances.deleteSeenBefore(before);
    }
}
