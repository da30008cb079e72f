package dev.argus.probe.engine.extract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The limits and passwords of the extract engine ({@code argus.probe.extract.*}). Every limit is enforced while the
 * bytes stream, never from sizes an archive declares. See docs/engines/extract.md for the full table.
 *
 * @param maxDepth               deepest member listed: 1 is a member of the scanned file; a container at this depth
 *                               is listed but not opened ({@code max-depth}), default 8
 * @param maxMembersPerContainer most files read from one container ({@code max-members-per-container}), default 1000
 * @param maxFiles               most files listed per scanned file, whole tree ({@code max-files}), default 10000,
 *                               at most {@link dev.argus.common.message.ExtractionReport#MAX_FILES}
 * @param maxTotalBytes          most bytes extracted per scanned file, whole tree, duplicates included
 *                               ({@code max-total-bytes}), default 1GB (1 GiB); also bounds the disk used at once
 * @param maxMemberBytes         largest member ({@code max-member-bytes}), default 256MB (256 MiB)
 * @param maxRatio               most bytes extracted from one container per byte of that container's real size
 *                               ({@code max-ratio}), default 200 (200:1)
 * @param ratioFloor             bytes any container may give whatever its ratio ({@code ratio-floor}), default 16MB
 * @param containerTimeout       time to extract one container, its nested containers included
 *                               ({@code container-timeout}), default 60s
 * @param scanTimeout            the engine's per-file timeout ({@code scan-timeout}), default 5m; the extraction
 *                               itself stops at 90% of it so that what was found is still reported
 * @param passwords              tried, after the scan's own passwords, on encrypted containers
 *                               ({@code passwords}), default {@code infected,malware,virus,password,123456}; secrets
 * @param bsdtarCommand          libarchive's {@code bsdtar}, for rar ({@code bsdtar-command}), default {@code bsdtar}
 * @param workDir                where members are written while they are hashed, one private (0700) directory per
 *                               job ({@code work-dir}), default {@code ${java.io.tmpdir}/argus-extract}
 */
@Validated
@ConfigurationProperties("argus.probe.extract")
public record ExtractProperties(
        @DefaultValue("8") @Min(1) @Max(64) int maxDepth,
        @DefaultValue("1000") @Min(1) int maxMembersPerContainer,
        @DefaultValue("10000") @Min(1) @Max(10_000) int maxFiles,
        @DefaultValue("1GB") @NotNull DataSize maxTotalBytes,
        @DefaultValue("256MB") @NotNull DataSize maxMemberBytes,
        @DefaultValue("200") @Min(1) int maxRatio,
        @DefaultValue("16MB") @NotNull DataSize ratioFloor,
        @DefaultValue("60s") @NotNull Duration containerTimeout,
        @DefaultValue("5m") @NotNull Duration scanTimeout,
        @DefaultValue({"infected", "malware", "virus", "password", "123456"}) List<String> passwords,
        @DefaultValue("bsdtar") @NotBlank String bsdtarCommand,
        Path workDir) {

    public ExtractProperties {
        passwords = passwords == null ? List.of() : passwords.stream().filter(p -> p != null && !p.isEmpty())
                .distinct().toList();
        workDir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "argus-extract");
        for (Duration duration : new Duration[] {containerTimeout, scanTimeout}) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("argus.probe.extract durations must be positive, got " + duration);
            }
        }
        for (DataSize size : new DataSize[] {maxTotalBytes, maxMemberBytes, ratioFloor}) {
            if (size != null && size.isNegative()) {
                throw new IllegalArgumentException("argus.probe.extract sizes must not be negative, got " + size);
            }
        }
    }

    /** The defaults, e.g. for tests. */
    public static ExtractProperties defaults() {
        return new ExtractProperties(8, 1000, 10_000, DataSize.ofGigabytes(1), DataSize.ofMegabytes(256), 200,
                DataSize.ofMegabytes(16), Duration.ofSeconds(60), Duration.ofMinutes(5),
                List.of("infected", "malware", "virus", "password", "123456"), "bsdtar", null);
    }

    /** Hides the passwords: only their count is shown. */
    @Override
    public String toString() {
        return "ExtractProperties[maxDepth=" + maxDepth + ", maxMembersPerContainer=" + maxMembersPerContainer
                + ", maxFiles=" + maxFiles + ", maxTotalBytes=" + maxTotalBytes + ", maxMemberBytes="
                + maxMemberBytes + ", maxRatio=" + maxRatio + ", ratioFloor=" + ratioFloor + ", containerTimeout="
                + containerTimeout + ", scanTimeout=" + scanTimeout + ", passwords=" + passwords.size()
                + ", bsdtarCommand=" + bsdtarCommand + ", workDir=" + workDir + "]";
    }
}
