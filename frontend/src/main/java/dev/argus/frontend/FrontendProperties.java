package dev.argus.frontend;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * General frontend settings ({@code argus.frontend.*}).
 *
 * @param directoryStaleAfter a probe directory not refreshed by the brain within this time shows every probe
 *                            offline (the brain sends it every 10 s by default)
 * @param retryAfter          the {@code Retry-After} sent with a 503 when the broker, the database or the file
 *                            store cannot take a request
 * @param sseTimeout          how long a live-progress stream ({@code /api/v1/scans/{id}/events}) stays open at most
 * @param scanDeadline        how long a scan may take at most, counted from its upload: the brain's job deadline
 *                            ({@code argus.brain.job-deadline}, 10 min by default)
 * @param scanGrace           past {@code scanDeadline} plus this, the watchdog finishes a scan whose results never all
 *                            came back (brain gone, message lost), reporting each missing pair as {@code timeout}
 * @param watchdogInterval    how often the watchdog looks for such scans
 * @param maxFailures         how often a message the frontend cannot handle is tried before it is parked in
 *                            {@code argus.dead-letters}
 */
@Validated
@ConfigurationProperties("argus.frontend")
public record FrontendProperties(
        @NotNull @DefaultValue("30s") Duration directoryStaleAfter,
        @NotNull @DefaultValue("5s") Duration retryAfter,
        @NotNull @DefaultValue("30m") Duration sseTimeout,
        @NotNull @DefaultValue("10m") Duration scanDeadline,
        @NotNull @DefaultValue("2m") Duration scanGrace,
        @NotNull @DefaultValue("30s") Duration watchdogInterval,
        @DefaultValue("5") @Min(1) int maxFailures) {
}
