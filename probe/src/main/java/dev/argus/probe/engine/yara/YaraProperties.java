package dev.argus.probe.engine.yara;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the YARA engine finds its rules and programs.
 *
 * @param rulesDir       the directory of rule files, {@code *.yar} and {@code *.yara} directly in it
 *                       ({@code ARGUS_PROBE_YARA_RULESDIR}), default {@code /etc/argus/yara}
 * @param yaraCommand    the {@code yara} program, a name looked up on the PATH or a path
 *                       ({@code ARGUS_PROBE_YARA_YARACOMMAND}), default {@code yara}
 * @param yaracCommand   the {@code yarac} compiler ({@code ARGUS_PROBE_YARA_YARACCOMMAND}), default {@code yarac}
 * @param scanTimeout    how long one file may take, the engine's per-file timeout
 *                       ({@code ARGUS_PROBE_YARA_SCANTIMEOUT}), default 60s
 * @param compileTimeout how long {@code yarac} may take to compile the rules, and {@code yara --version} to answer
 *                       ({@code ARGUS_PROBE_YARA_COMPILETIMEOUT}), default 120s
 * @param reloadInterval how often the rules directory is checked for changes
 *                       ({@code ARGUS_PROBE_YARA_RELOADINTERVAL}), default 2s
 * @param workDir        where compiled rules are written, one sub-directory per process
 *                       ({@code ARGUS_PROBE_YARA_WORKDIR}), default {@code ${java.io.tmpdir}/argus-yara}
 */
@Validated
@ConfigurationProperties("argus.probe.yara")
public record YaraProperties(
        @DefaultValue("/etc/argus/yara") @NotNull Path rulesDir,
        @DefaultValue("yara") @NotBlank String yaraCommand,
        @DefaultValue("yarac") @NotBlank String yaracCommand,
        @DefaultValue("60s") @NotNull Duration scanTimeout,
        @DefaultValue("120s") @NotNull Duration compileTimeout,
        @DefaultValue("2s") @NotNull Duration reloadInterval,
        Path workDir) {

    public YaraProperties {
        workDir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "argus-yara");
        for (Duration duration : new Duration[] {scanTimeout, compileTimeout, reloadInterval}) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("argus.probe.yara durations must be positive, got " + duration);
            }
        }
    }
}
