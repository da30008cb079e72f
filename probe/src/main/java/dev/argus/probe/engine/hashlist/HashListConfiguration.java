package dev.argus.probe.engine.hashlist;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the hash list engine bean; it runs when {@code argus.probe.engines} is empty or names {@code hashlist}. */
@Configuration(proxyBeanMethods = false)
class HashListConfiguration {

    @Bean
    HashListEngine hashListEngine(HashListProperties properties) {
        return new HashListEngine(properties);
    }
}
