package dev.argus.probe.engine.cli;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Contributes one engine per command-line engine file found in {@code argus.probe.cli.config-dir}. */
@Configuration(proxyBeanMethods = false)
class CliConfiguration {

    @Bean
    CliEngineSource cliEngineSource(CliProperties properties) {
        return new CliEngineSource(properties.configDir(), properties.variables(), System::getenv);
    }
}
