package dev.argus.probe.registration;

import dev.argus.common.message.ProbeDescriptor;
import dev.argus.probe.engine.ActiveEngines;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes the active engines to the brain, asking each for its current versions first so that a signature
 * update shows up in the next heartbeat. An engine that cannot tell keeps its last known versions (one WARN when
 * that starts, one INFO when it ends). Thread-safe.
 */
public final class EngineDescriptors {

    private static final Logger log = LoggerFactory.getLogger(EngineDescriptors.class);

    private final ActiveEngines engines;
    private final String probeVersion;
    private final Map<String, EngineVersions> lastKnown = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    public EngineDescriptors(ActiveEngines engines, String probeVersion) {
        this.engines = engines;
        this.probeVersion = probeVersion;
    }

    /** Refreshes every engine's versions and describes the engines. */
    public synchronized List<ProbeDescriptor> refresh() {
        return engines.engines().stream().map(engine -> describe(engine, refresh(engine))).toList();
    }

    private EngineVersions refresh(ScanEngine engine) {
        EngineVersions previous = lastKnown.get(engine.name());
        try {
            EngineVersions current = Objects.requireNonNull(engine.refreshVersions(), "refreshVersions() gave null");
            if (failing.remove(engine.name())) {
                log.info("engine '{}' tells its versions again", engine.name());
            }
            if (previous != null && !previous.equals(current)) {
                log.info("engine '{}' versions changed: engine {} -> {}, signatures {} -> {}", engine.name(),
                        previous.engineVersion(), current.engineVersion(), previous.signatureVersion(),
                        current.signatureVersion());
            }
            lastKnown.put(engine.name(), current);
            return current;
        } catch (EngineException | RuntimeException e) {
            if (failing.add(engine.name())) {
                log.warn("engine '{}' cannot tell its versions, keeping the last known ones: {}", engine.name(),
                        e.getMessage());
            }
            return previous != null ? previous : engine.versions();
        }
    }

    private ProbeDescriptor describe(ScanEngine engine, EngineVersions versions) {
        return new ProbeDescriptor(engine.name(), engine.displayName(), engine.category(),
                engine.version() != null ? engine.version() : probeVersion, versions.engineVersion(),
                versions.signatureVersion(), engine.mimeTypes(), engine.timeout().toMillis());
    }
}
