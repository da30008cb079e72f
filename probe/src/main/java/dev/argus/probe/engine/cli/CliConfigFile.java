package dev.argus.probe.engine.cli;

import java.util.List;
import java.util.Map;

/**
 * One command-line engine's configuration file as written (YAML, field names as below); {@link CliEngineSpecs}
 * validates it. See docs/engines/cli.md for every field.
 */
record CliConfigFile(
        String name,
        String displayName,
        String category,
        String mimeTypes,
        Map<String, String> variables,
        List<String> command,
        String filePermissions,
        Map<String, String> exitCodes,
        Threat threat,
        Probe version,
        SignatureVersion signatureVersion,
        String timeout,
        String commandTimeout,
        String maxOutput,
        Map<String, String> environment) {

    /** The threat name: a regex with a group named {@code threat}, and the category a match implies. */
    record Threat(String pattern, String category) {
    }

    /** A command whose output holds a version, and the regex with a group named {@code version} to find it. */
    record Probe(List<String> command, String pattern) {
    }

    /** As {@link Probe}, or instead (or as a fallback) a file or directory whose digest is the version. */
    record SignatureVersion(List<String> command, String pattern, String digest) {
    }
}
