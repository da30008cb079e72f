package dev.argus.probe.engine;

import dev.argus.probe.spi.ScanEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the engine registry from every {@link ScanEngine} bean and decides which engines this process runs. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    EngineRegistry engineRegistry(ObjectProvider<ScanEngine> engines) {
        return new EngineRegistry(engines.orderedStream().toList());
    }

    @Bean
    ActiveEngines activeEngines(EngineRegistry registry, EngineProperties properties) {
        return new EngineActivation(registry, DependencyChecker.forThisProcess()).activate(properties.engines());
    }
}
