package dev.argus.probe.engine.cli;

import dev.argus.probe.engine.configfile.EngineIdentity;
import dev.argus.probe.engine.configfile.Template;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated command-line engine configuration.
 *
 * @param file                where it was read from
 * @param identity            name, display name, category, mime filter
 * @param command             the scan command, program first; {@code {file}} is the probe's temp file
 * @param filePermissions     POSIX permissions given to the temp file before the scan (for scanners whose daemon
 *                            runs as another user), or null to leave them
 * @param exitCodes           what each exit code means
 * @param threat              how to find threat names in the output, or null
 * @param version             how to learn the engine version, or null
 * @param signatureCommand    how to learn the signature version, or null
 * @param signatureDigest     a file or directory digested when there is no signature command or it tells nothing,
 *                            or null
 * @param timeout             the limit for one scan
 * @param commandTimeout      the limit for a version command
 * @param maxOutput           bytes kept of each of stdout and stderr
 * @param environment         variables added to the inherited environment
 * @param missingEnvironment  a sentence naming an environment variable the file uses that is not set, or null
 */
record CliEngineSpec(
        Path file,
        EngineIdentity identity,
        List<Template> command,
        Set<PosixFilePermission> filePermissions,
        ExitCodes exitCodes,
        ThreatPattern threat,
        VersionProbe version,
        VersionProbe signatureCommand,
        Path signatureDigest,
        Duration timeout,
        Duration commandTimeout,
        int maxOutput,
        Map<String, String> environment,
        String missingEnvironment) {

    CliEngineSpec {
        command = List.copyOf(command);
        filePermissions = filePermissions == null ? null : Set.copyOf(filePermissions);
        environment = Map.copyOf(environment);
    }
}
