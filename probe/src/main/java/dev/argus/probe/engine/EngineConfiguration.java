package dev.argus.probe.engine;

import dev.argus.probe.spi.EngineSource;
import dev.argus.probe.spi.ScanEngine;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the engine registry from every {@link ScanEngine} bean and every engine an {@link EngineSource} makes,
 * and decides which engines this process runs.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    EngineRegistry engineRegistry(ObjectProvider<ScanEngine> engines, ObjectProvider<EngineSource> sources) {
        return new EngineRegistry(Stream.concat(engines.orderedStream(),
                sources.orderedStream().flatMap(source -> contributed(source).stream())).toList());
    }

    /** A source's engines; its {@link IllegalStateException} (a faulty configuration) stops start-up with a report. */
    private static List<ScanEngine> contributed(EngineSource source) {
        try {
            return source.engines();
        } catch (IllegalStateException e) {
            throw new ProbeStartupException(e.getMessage(), "Fix the engine configuration named above, or remove"
                    + " the file from the configuration directory.");
        }
    }

    @Bean
    ActiveEngines activeEngines(EngineRegistry registry, EngineProperties properties) {
        return new EngineActivation(registry, DependencyChecker.forThisProcess()).activate(properties.engines());
    }
}
