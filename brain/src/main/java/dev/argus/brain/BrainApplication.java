package dev.argus.brain;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The brain process: a non-web Spring Boot application that consumes {@code argus.brain.*} queues, keeps the
 * probe registry and the job table in the {@code brain} schema, and runs the deadline sweeper and the
 * directory broadcast on a schedule.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(BrainProperties.class)
public class BrainApplication {

    public static void main(String[] args) {
        SpringApplication.run(BrainApplication.class, args);
    }

    /**
     * The one clock of the brain: deadlines, last-seen times and result timestamps all come from it. It ticks
     * in microseconds, PostgreSQL's precision, so an instant sent in a message (a job's deadline) is the same
     * instant after a round trip through the database (a retry re-sends the stored deadline).
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
