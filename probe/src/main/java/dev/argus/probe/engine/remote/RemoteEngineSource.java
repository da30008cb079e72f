package dev.argus.probe.engine.remote;

import dev.argus.probe.engine.configfile.ConfigCheck;
import dev.argus.probe.engine.configfile.ConfigFiles;
import dev.argus.probe.engine.configfile.InvalidEngineConfigurationException;
import dev.argus.probe.spi.EngineSource;
import dev.argus.probe.spi.ScanEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link RemoteEngine} per configuration file in the configured directory. Every file is validated at
 * start-up; all problems are reported together, each naming its file and field, and stop the probe. Closing the
 * source closes the engines' HTTP clients.
 */
public final class RemoteEngineSource implements EngineSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RemoteEngineSource.class);
    static final String PROPERTY = "argus.probe.remote.config-dir";

    private final Path configDir;
    private final Map<String, Map<String, String>> overrides;
    private final Function<String, String> environment;
    private List<RemoteEngine> engines;

    /**
     * @param configDir   the directory of service files
     * @param overrides   variable overrides per engine name
     * @param environment environment variable lookup ({@code System::getenv}); secrets come from here
     */
    public RemoteEngineSource(Path configDir, Map<String, Map<String, String>> overrides,
                              Function<String, String> environment) {
        this.configDir = configDir;
        this.overrides = Map.copyOf(overrides);
        this.environment = environment;
    }

    @Override
    public synchronized List<ScanEngine> engines() {
        if (engines == null) {
            engines = load();
        }
        return List.copyOf(engines);
    }

    private List<RemoteEngine> load() {
        List<Path> files = ConfigFiles.list(configDir, PROPERTY);
        if (files.isEmpty()) {
            log.info("no HTTP scanning service configured: {} ({}) has no *.yaml file", configDir, PROPERTY);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        List<RemoteEngineSpec> specs = new ArrayList<>();
        for (Path file : files) {
            ConfigCheck check = new ConfigCheck(file);
            Optional<RemoteEngineSpec> spec = RemoteEngineSpecs.read(file, overrides, environment, check);
            problems.addAll(check.problems());
            if (spec.isEmpty()) {
                continue;
            }
            String name = spec.get().identity().name();
            Path previous = byName.putIfAbsent(name, file);
            if (previous != null) {
                problems.add(file + ": field 'name' '" + name + "' is already the name of the engine in " + previous
                        + "; engine names must be unique.");
                continue;
            }
            specs.add(spec.get());
        }
        overrides.keySet().stream().filter(name -> !byName.containsKey(name)).forEach(name -> log.warn(
                "argus.probe.remote.variables.{} is set, but no file in {} describes an engine named '{}'", name,
                configDir, name));
        if (!problems.isEmpty()) {
            throw new InvalidEngineConfigurationException("HTTP scanning service configuration (" + PROPERTY + "="
                    + configDir + ")", problems);
        }
        List<RemoteEngine> loaded = new ArrayList<>();
        for (RemoteEngineSpec spec : specs) {
            log.info("HTTP scanning service '{}' ({}) from {}: {} {} ({}), {}, timeout {} ms",
                    spec.identity().name(), spec.identity().displayName(), spec.file(), spec.submit().method(),
                    spec.submit().url(), spec.submit().multipart() ? "multipart" : "raw body",
                    spec.synchronous() ? "synchronous" : "polled every " + spec.poll().interval().toMillis() + " ms",
                    spec.timeout().toMillis());
            loaded.add(new RemoteEngine(spec));
        }
        return loaded;
    }

    @Override
    public synchronized void close() {
        if (engines != null) {
            engines.forEach(RemoteEngine::close);
        }
    }
}
