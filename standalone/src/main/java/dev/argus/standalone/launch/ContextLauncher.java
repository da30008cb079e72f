package dev.argus.standalone.launch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * Runs one Argus application as its own Spring context. Its configuration, from strongest to weakest:
 * <ol>
 *   <li>the wiring to the embedded services and to clamd (ports, passwords: decided at start, nothing outside
 *       changes them; a command-line argument for one of these is dropped);</li>
 *   <li>the command line of the standalone (all three applications see it);</li>
 *   <li>system properties and environment variables;</li>
 *   <li>{@code argus-standalone.properties} in the working directory or {@code ./config/} (Spring Boot's usual
 *       {@code application.properties} lookup, renamed so that the modules' own files are not picked up);</li>
 *   <li>the standalone's defaults for the application (paths under the data directory);</li>
 *   <li>the application's own {@code application.properties} from its module ({@link ModuleProperties}).</li>
 * </ol>
 */
final class ContextLauncher {

    /** Spring Boot's configuration file name in every context. */
    static final String CONFIG_NAME = "argus-standalone";

    private ContextLauncher() {
    }

    static ConfigurableApplicationContext run(ArgusApplication application, Map<String, Object> wiring,
                                              Map<String, Object> defaults, ServiceGates gates, String[] args) {
        StandardEnvironment environment = application.webType() == WebApplicationType.SERVLET
                ? new StandardServletEnvironment() : new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("argus-standalone-wiring",
                new LinkedHashMap<>(wiring)));
        return new SpringApplicationBuilder(application.mainClass())
                .environment(environment)
                .web(application.webType())
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .initializers(gates.initializer())
                .properties(defaultProperties(application, defaults))
                .run(args);
    }

    /**
     * The arguments without those that set a wired property (e.g. {@code --argus.probe.clamav.port=3310} once the
     * standalone started its own clamd elsewhere): Spring puts the command line above every other source.
     */
    static String[] withoutWiredArguments(String[] args, Set<String> wired) {
        Set<ConfigurationPropertyName> names = wired.stream().map(ConfigurationPropertyName::of)
                .collect(Collectors.toSet());
        return Arrays.stream(args).filter(arg -> !names.contains(argumentName(arg))).toArray(String[]::new);
    }

    private static ConfigurationPropertyName argumentName(String arg) {
        if (!arg.startsWith("--")) {
            return null;
        }
        int equals = arg.indexOf('=');
        String name = arg.substring(2, equals < 0 ? arg.length() : equals);
        return ConfigurationPropertyName.isValid(name) ? ConfigurationPropertyName.of(name)
                : ConfigurationPropertyName.adapt(name, '.');
    }

    static Map<String, Object> defaultProperties(ArgusApplication application, Map<String, Object> defaults) {
        Map<String, Object> properties = new LinkedHashMap<>(ModuleProperties.of(application.mainClass()));
        properties.putAll(defaults);
        properties.put("spring.config.name", CONFIG_NAME);
        if (!application.excludedAutoConfigurations().isEmpty()) {
            properties.put("spring.autoconfigure.exclude", String.join(",",
                    application.excludedAutoConfigurations()));
        }
        return properties;
    }
}
