package dev.argus.probe.engine.executable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the executable engine.
 *
 * @param scanTimeout how long one file may take, the engine's per-file timeout
 *                    ({@code ARGUS_PROBE_EXECUTABLE_SCANTIMEOUT}), default 60s
 * @param maxEntries  the most entries listed per list of a PE or ELF file (sections, segments, imported DLLs, imported
 *                    functions in all, exports, needed libraries, dynamic symbols), 1 to 10000
 *                    ({@code ARGUS_PROBE_EXECUTABLE_MAXENTRIES}), default 500; longer lists are cut with a warning
 */
@Validated
@ConfigurationProperties("argus.probe.executable")
public record ExecutableProperties(
        @DefaultValue("60s") @NotNull Duration scanTimeout,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxEntries) {
}
