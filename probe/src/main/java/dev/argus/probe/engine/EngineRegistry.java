package dev.argus.probe.engine;

import dev.argus.common.amqp.Topology;
import dev.argus.probe.spi.ScanEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every engine on the class path, keyed by name. Building it fails fast on an invalid or duplicate name, so two
 * plugins can never silently share a queue.
 */
public final class EngineRegistry {

    private final Map<String, ScanEngine> byName;

    public EngineRegistry(List<? extends ScanEngine> engines) {
        Map<String, ScanEngine> map = new TreeMap<>();
        for (ScanEngine engine : engines) {
            String name = engine.name();
            if (name == null || !Topology.PROBE_NAME.matcher(name).matches()) {
                throw new ProbeStartupException("Engine " + engine.origin() + " has the invalid name '"
                        + name + "'.", "Engine names are 1 to 64 lower-case letters, digits, '-' or '_', starting"
                        + " with a letter; fix the plugin.");
            }
            ScanEngine previous = map.putIfAbsent(name, engine);
            if (previous != null) {
                throw new ProbeStartupException("Two engines are named '" + name + "': "
                        + previous.origin() + " and " + engine.origin() + ".",
                        "Engine names must be unique; remove one of the plugins from the class path or rename"
                                + " the configured engine.");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The known engine names, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /**
     * The engines named, in the order given, or every engine when {@code wanted} is empty.
     *
     * @throws ProbeStartupException naming the unknown names and the known ones
     */
    public List<ScanEngine> select(List<String> wanted) {
        if (wanted.isEmpty()) {
            return List.copyOf(byName.values());
        }
        List<String> unknown = new ArrayList<>();
        List<ScanEngine> selected = new ArrayList<>();
        for (String name : new LinkedHashSet<>(wanted)) {
            ScanEngine engine = byName.get(name);
            if (engine == null) {
                unknown.add(name);
            } else {
                selected.add(engine);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProbeStartupException("argus.probe.engines names unknown engine"
                    + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; the engines on the class path are: " + known() + ".",
                    "Set argus.probe.engines (ARGUS_PROBE_ENGINES) to some of: " + known()
                            + ", or leave it empty to run them all.");
        }
        return List.copyOf(selected);
    }

    private String known() {
        return byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet());
    }
}
