package dev.argus.probe.engine.clamav;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the ClamAV engine reaches clamd.
 *
 * @param host              clamd's TCP host ({@code ARGUS_PROBE_CLAMAV_HOST}), default {@code 127.0.0.1}
 * @param port              clamd's TCP port ({@code ARGUS_PROBE_CLAMAV_PORT}), default 3310
 * @param timeout           connect timeout, and the limit for PING and VERSION ({@code ARGUS_PROBE_CLAMAV_TIMEOUT}),
 *                          default 5s
 * @param scanTimeout       how long one file may take, the engine's per-file timeout
 *                          ({@code ARGUS_PROBE_CLAMAV_SCANTIMEOUT}), default 60s
 * @param streamChunkSize   size of the INSTREAM chunks sent to clamd ({@code ARGUS_PROBE_CLAMAV_STREAMCHUNKSIZE}),
 *                          default 256KB
 * @param databaseDirectory clamd's signature directory as this process sees it
 *                          ({@code ARGUS_PROBE_CLAMAV_DATABASEDIRECTORY}), default {@code /var/lib/clamav}; used for
 *                          the signature version when clamd's VERSION answer has none (only custom signatures)
 */
@Validated
@ConfigurationProperties("argus.probe.clamav")
public record ClamavProperties(
        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("3310") @Min(1) @Max(65535) int port,
        @DefaultValue("5s") @NotNull Duration timeout,
        @DefaultValue("60s") @NotNull Duration scanTimeout,
        @DefaultValue("256KB") @NotNull DataSize streamChunkSize,
        @DefaultValue("/var/lib/clamav") Path databaseDirectory) {

    public ClamavProperties {
        if (streamChunkSize != null && (streamChunkSize.toBytes() < 1 || streamChunkSize.toMegabytes() > 64)) {
            throw new IllegalArgumentException("argus.probe.clamav.stream-chunk-size must be between 1B and 64MB");
        }
    }
}
