package dev.argus.probe.engine.cli;

import dev.argus.probe.engine.configfile.SpecDirectory;
import dev.argus.probe.spi.EngineSource;
import dev.argus.probe.spi.ScanEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<CliEngineSpec> specs = new SpecDirectory<CliEngineSpec>(configDir, PROPERTY, "command-line engine",
                overrides.keySet()).readAll((file, check) -> CliEngineSpecs.read(file, overrides, environment, check),
                spec -> spec.identity().name());
        List<ScanEngine> loaded = new ArrayList<>();
        for (CliEngineSpec spec : specs) {
            log.info("command-line engine '{}' ({}) from {}: {}, timeout {} ms", spec.identity().name(),
                    spec.identity().displayName(), spec.file(), spec.command(), spec.timeout().toMillis());
            loaded.add(new CliEngine(spec));
        }
        return List.copyOf(loaded);
    }
}
