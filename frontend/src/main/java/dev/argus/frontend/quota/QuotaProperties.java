package dev.argus.frontend.quota;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Default per-user quotas ({@code argus.quota.*}); an admin can set other values for one user. 0 or a negative
 * value means unlimited.
 *
 * @param scansPerDay           scans a user may submit per UTC day
 * @param bytesPerDay           bytes of files a user may submit to scans per UTC day
 * @param concurrentScans       unfinished (queued or running) scans a user may have at once
 * @param eventStreams          live-progress streams a user may hold open at once on one frontend
 * @param streamRecheckInterval how often open event streams re-check their key and user, so a key revoked or a
 *                              user disabled through another frontend ends them too (this frontend ends them at
 *                              once)
 */
@Validated
@ConfigurationProperties("argus.quota")
public record QuotaProperties(
        @DefaultValue("100000") long scansPerDay,
        @NotNull @DefaultValue("1TB") DataSize bytesPerDay,
        @DefaultValue("10000") long concurrentScans,
        @DefaultValue("100") long eventStreams,
        @NotNull @DefaultValue("10s") Duration streamRecheckInterval) {

    /** The default value of an overridable limit. */
    long defaultOf(Limit limit) {
        return switch (limit) {
            case SCANS_PER_DAY -> scansPerDay;
            case BYTES_PER_DAY -> bytesPerDay.toBytes();
            case CONCURRENT_SCANS -> concurrentScans;
            case EVENT_STREAMS -> eventStreams;
            case REQUESTS_PER_MINUTE -> throw new IllegalArgumentException("not a per-user quota: " + limit);
        };
    }
}
