package dev.argus.probe.engine.remote;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Contributes one engine per HTTP scanning service file found in {@code argus.probe.remote.config-dir}. */
@Configuration(proxyBeanMethods = false)
class RemoteConfiguration {

    @Bean
    RemoteEngineSource remoteEngineSource(RemoteProperties properties) {
        return new RemoteEngineSource(properties.configDir(), properties.variables(), System::getenv,
                properties.statusOrigins());
    }
}
