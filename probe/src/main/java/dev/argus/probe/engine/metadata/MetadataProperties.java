package dev.argus.probe.engine.metadata;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the metadata engine.
 *
 * @param scanTimeout how long one file may take, the engine's per-file timeout
 *                    ({@code ARGUS_PROBE_METADATA_SCANTIMEOUT}), default 60s; hashing runs at a few hundred MB/s
 */
@Validated
@ConfigurationProperties("argus.probe.metadata")
public record MetadataProperties(
        @DefaultValue("60s") @NotNull Duration scanTimeout) {
}
