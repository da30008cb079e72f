package dev.argus.probe.engine.hashlist;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the hash list engine finds its lists.
 *
 * @param dir            the directory of list files ({@code ARGUS_PROBE_HASHLIST_DIR}), default
 *                       {@code /var/lib/argus/hashlists}; see {@link ListKind} for the file names
 * @param scanTimeout    how long hashing one file may take ({@code ARGUS_PROBE_HASHLIST_SCANTIMEOUT}), default 60s
 * @param reloadInterval how often the directory is checked for changes
 *                       ({@code ARGUS_PROBE_HASHLIST_RELOADINTERVAL}), default 2s
 */
@Validated
@ConfigurationProperties("argus.probe.hashlist")
public record HashListProperties(
        @DefaultValue("/var/lib/argus/hashlists") @NotNull Path dir,
        @DefaultValue("60s") @NotNull Duration scanTimeout,
        @DefaultValue("2s") @NotNull Duration reloadInterval) {

    public HashListProperties {
        for (Duration duration : new Duration[] {scanTimeout, reloadInterval}) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("argus.probe.hashlist durations must be positive, got " + duration);
            }
        }
    }
}
