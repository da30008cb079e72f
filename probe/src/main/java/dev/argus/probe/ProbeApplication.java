package dev.argus.probe;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The probe process: runs the engines chosen by {@code argus.probe.engines}, registers them with the brain and
 * consumes their job queues. Not a web application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProbeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProbeApplication.class, args);
    }

    /** Time for deadlines and message timestamps; replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
