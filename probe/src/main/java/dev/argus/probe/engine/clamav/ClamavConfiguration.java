package dev.argus.probe.engine.clamav;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the ClamAV engine bean; it runs when {@code argus.probe.engines} is empty or names {@code clamav}. */
@Configuration(proxyBeanMethods = false)
class ClamavConfiguration {

    @Bean
    ClamavEngine clamavEngine(ClamavProperties properties) {
        return new ClamavEngine(properties);
    }
}
