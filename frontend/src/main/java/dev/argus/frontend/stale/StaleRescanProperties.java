package dev.argus.frontend.stale;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The stale-result rescan ({@code argus.rescan-stale.*}, docs/operations.md#stale-result-rescan).
 *
 * @param enabled         run it at all (default false)
 * @param seenWithinDays  only files uploaded or rescanned within this many days (default 30)
 * @param maxFilesPerHour at most this many files submitted by the rescan in any hour, across frontends (default 100)
 * @param interval        how often a frontend looks for stale files (default 5m)
 * @param username        the existing Argus user the rescans are recorded under (default {@code admin}, the
 *                        bootstrap administrator); a run without that user submits nothing and says so
 */
@Validated
@ConfigurationProperties("argus.rescan-stale")
public record StaleRescanProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("30") @Min(1) int seenWithinDays,
        @DefaultValue("100") @Min(1) int maxFilesPerHour,
        @NotNull @DefaultValue("5m") Duration interval,
        @NotNull @DefaultValue("admin") String username) {
}
