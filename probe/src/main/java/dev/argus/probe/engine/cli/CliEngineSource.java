package dev.argus.probe.engine.cli;

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
 * One {@link CliEngine} per configuration file in the configured directory. Every file is validated at start-up;
 * all problems of all files are reported together, each naming its file and field, and stop the probe.
 */
public final class CliEngineSource implements EngineSource {

    private static final Logger log = LoggerFactory.getLogger(CliEngineSource.class);
    static final String PROPERTY = "argus.probe.cli.config-dir";

    private final Path configDir;
    private final Map<String, Map<String, String>> overrides;
    private final Function<String, String> environment;
    private List<ScanEngine> engines;

    /**
     * @param configDir   the directory of engine files
     * @param overrides   variable overrides per engine name
     * @param environment environment variable lookup ({@code System::getenv})
     */
    public CliEngineSource(Path configDir, Map<String, Map<String, String>> overrides,
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
        return engines;
    }

    private List<ScanEngine> load() {
        List<Path> files = ConfigFiles.list(configDir, PROPERTY);
        if (files.isEmpty()) {
            log.info("no command-line engine configured: {} ({}) has no *.yaml file", configDir, PROPERTY);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        List<ScanEngine> loaded = new ArrayList<>();
        for (Path file : files) {
            ConfigCheck check = new ConfigCheck(file);
            Optional<CliEngineSpec> spec = CliEngineSpecs.read(file, overrides, environment, check);
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
            loaded.add(new CliEngine(spec.get()));
        }
        overrides.keySet().stream().filter(name -> !byName.containsKey(name)).forEach(name -> log.warn(
                "argus.probe.cli.variables.{} is set, but no file in {} describes an engine named '{}'", name,
                configDir, name));
        if (!problems.isEmpty()) {
            throw new InvalidEngineConfigurationException("command-line engine configuration (" + PROPERTY + "="
                    + configDir + ")", problems);
        }
        for (ScanEngine engine : loaded) {
            CliEngineSpec spec = ((CliEngine) engine).spec();
            log.info("command-line engine '{}' ({}) from {}: {}, timeout {} ms", spec.identity().name(),
                    spec.identity().displayName(), spec.file(), spec.command(), spec.timeout().toMillis());
        }
        return List.copyOf(loaded);
    }
}
