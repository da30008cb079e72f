package dev.argus.frontend.override;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Override settings ({@code argus.frontend.overrides.*}).
 *
 * @param maxAge how long a frontend reuses the overrides it read; a change made on this frontend applies at once,
 *               one made on another frontend within this time
 */
@Validated
@ConfigurationProperties("argus.frontend.overrides")
public record OverrideProperties(@NotNull @DefaultValue("5s") Duration maxAge) {
}
