package dev.argus.brain.job;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the job id key once at start from {@code brain.job_id_key} (made by the migration, see {@link JobIds}); Boot
 * runs the Flyway migrations before any {@link JdbcTemplate} is used.
 */
@Configuration(proxyBeanMethods = false)
class JobIdKey {

    @Bean
    JobIds jobIds(JdbcTemplate jdbc) {
        String secret = jdbc.queryForObject("select secret from brain.job_id_key", String.class);
        return new JobIds(secret.getBytes(StandardCharsets.UTF_8));
    }
}
