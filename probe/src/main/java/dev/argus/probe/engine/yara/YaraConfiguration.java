package dev.argus.probe.engine.yara;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the YARA engine bean; it runs when {@code argus.probe.engines} is empty or names {@code yara}. */
@Configuration(proxyBeanMethods = false)
class YaraConfiguration {

    @Bean
    YaraEngine yaraEngine(YaraProperties properties) {
        return new YaraEngine(properties);
    }
}
