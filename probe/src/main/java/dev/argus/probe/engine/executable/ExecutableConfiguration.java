package dev.argus.probe.engine.executable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the executable engine bean; it runs when {@code argus.probe.engines} is empty or names
 * {@code executable}.
 */
@Configuration(proxyBeanMethods = false)
class ExecutableConfiguration {

    @Bean
    ExecutableEngine executableEngine(ExecutableProperties properties) {
        return new ExecutableEngine(properties);
    }
}
