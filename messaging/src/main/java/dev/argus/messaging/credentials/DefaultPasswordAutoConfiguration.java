package dev.argus.messaging.credentials;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Every Argus process (frontend, brain, probe) refuses well-known passwords for remote servers at start. */
@AutoConfiguration
public class DefaultPasswordAutoConfiguration {

    @Bean
    static DefaultPasswordCheck argusDefaultPasswordCheck() {
        return new DefaultPasswordCheck();
    }
}
