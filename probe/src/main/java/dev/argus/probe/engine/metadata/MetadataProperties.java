package dev.argus.probe.engine.metadata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param maxEntries  the most entries listed per list of a PE or ELF file (sections, segments, imported DLLs, imported
 *                    functions in all, exports, needed libraries, dynamic symbols), 1 to 10000
 *                    ({@code ARGUS_PROBE_METADATA_MAXENTRIES}), default 500; longer lists are cut with a warning
 */
@Validated
@ConfigurationProperties("argus.probe.metadata")
public record MetadataProperties(
        @DefaultValue("60s") @NotNull Duration scanTimeout,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxEntries) {
}
