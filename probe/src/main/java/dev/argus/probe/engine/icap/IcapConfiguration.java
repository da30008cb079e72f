package dev.argus.probe.engine.icap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the ICAP engine bean; it runs when {@code argus.probe.engines} is empty or names {@code icap}. */
@Configuration(proxyBeanMethods = false)
class IcapConfiguration {

    @Bean
    IcapEngine icapEngine(IcapProperties properties) {
        return new IcapEngine(properties);
    }
}
