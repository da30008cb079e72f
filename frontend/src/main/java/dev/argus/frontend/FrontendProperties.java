package dev.argus.frontend;

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
 */
@Validated
@ConfigurationProperties("argus.frontend")
public record FrontendProperties(
        @NotNull @DefaultValue("30s") Duration directoryStaleAfter,
        @NotNull @DefaultValue("5s") Duration retryAfter,
        @NotNull @DefaultValue("30m") Duration sseTimeout) {
}
