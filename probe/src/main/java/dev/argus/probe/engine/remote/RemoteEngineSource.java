package dev.argus.probe.engine.remote;

import dev.argus.probe.engine.configfile.SpecDirectory;
import dev.argus.probe.engine.configfile.Template;
import dev.argus.probe.spi.EngineSource;
import dev.argus.probe.spi.ScanEngine;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    static final String STATUS_ORIGINS_PROPERTY = "argus.probe.remote.status-origins";

    private final Path configDir;
    private final Map<String, Map<String, String>> overrides;
    private final Function<String, String> environment;
    private final Set<URI> statusOrigins;
    private List<RemoteEngine> engines;

    /**
     * @param configDir   the directory of service files
     * @param overrides   variable overrides per engine name
     * @param environment environment variable lookup ({@code System::getenv}); secrets come from here
     */
    public RemoteEngineSource(Path configDir, Map<String, Map<String, String>> overrides,
                              Function<String, String> environment) {
        this(configDir, overrides, environment, List.of());
    }

    /**
     * @param statusOrigins origins besides each service's own where its status URLs may point
     *                      ({@value #STATUS_ORIGINS_PROPERTY}, e.g. {@code https://results.example.com})
     * @throws IllegalArgumentException when one is not an http(s) origin
     */
    public RemoteEngineSource(Path configDir, Map<String, Map<String, String>> overrides,
                              Function<String, String> environment, List<String> statusOrigins) {
        this.configDir = configDir;
        this.overrides = Map.copyOf(overrides);
        this.environment = environment;
        this.statusOrigins = statusOrigins.stream().map(RemoteEngineSource::origin).collect(Collectors.toSet());
    }

    private static URI origin(String text) {
        URI origin = RemoteEngineSpecs.origin(Template.literal(text.strip()));
        if (origin == null || !origin.getScheme().equals("http") && !origin.getScheme().equals("https")) {
            throw new IllegalArgumentException(STATUS_ORIGINS_PROPERTY + ": '" + text
                    + "' is not an http(s) origin such as https://results.example.com:8443");
        }
        return origin;
    }

    @Override
    public synchronized List<ScanEngine> engines() {
        if (engines == null) {
            engines = load();
        }
        return List.copyOf(engines);
    }

    private List<RemoteEngine> load() {
        List<RemoteEngineSpec> specs = new SpecDirectory<RemoteEngineSpec>(configDir, PROPERTY,
                "HTTP scanning service", overrides.keySet())
                .readAll((file, check) -> RemoteEngineSpecs.read(file, overrides, environment, check),
                        spec -> spec.identity().name());
        List<RemoteEngine> loaded = new ArrayList<>();
        for (RemoteEngineSpec spec : specs) {
            log.info("HTTP scanning service '{}' ({}) from {}: {} {} ({}), {}, timeout {} ms",
                    spec.identity().name(), spec.identity().displayName(), spec.file(), spec.submit().method(),
                    spec.submit().url(), spec.submit().multipart() ? "multipart" : "raw body",
                    spec.synchronous() ? "synchronous" : "polled every " + spec.poll().interval().toMillis() + " ms",
                    spec.timeout().toMillis());
            loaded.add(new RemoteEngine(spec, statusOrigins));
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
