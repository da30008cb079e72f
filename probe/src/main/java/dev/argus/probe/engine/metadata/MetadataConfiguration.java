package dev.argus.probe.engine.metadata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the metadata engine bean; it runs when {@code argus.probe.engines} is empty or names {@code metadata}. */
@Configuration(proxyBeanMethods = false)
class MetadataConfiguration {

    @Bean
    MetadataEngine metadataEngine(MetadataProperties properties) {
        return new MetadataEngine(properties);
    }
}
