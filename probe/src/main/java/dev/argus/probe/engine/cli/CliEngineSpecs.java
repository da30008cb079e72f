package dev.argus.probe.engine.cli;

import dev.argus.probe.engine.configfile.ConfigCheck;
import dev.argus.probe.engine.configfile.ConfigFiles;
import dev.argus.probe.engine.configfile.ConfigValues;
import dev.argus.probe.engine.configfile.EngineIdentity;
import dev.argus.probe.engine.configfile.Template;
import dev.argus.probe.engine.configfile.Verdict;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/** Reads and validates one command-line engine file into a {@link CliEngineSpec}, recording every problem. */
final class CliEngineSpecs {

    static final String FILE_SLOT = "file";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);
    static final DataSize DEFAULT_MAX_OUTPUT = DataSize.ofKilobytes(64);
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CliEngineSpecs() {
    }

    /**
     * @param overrides   variable overrides per engine name ({@code argus.probe.cli.variables})
     * @param environment environment lookup
     * @return the spec, or empty when {@code check} recorded a problem
     */
    static Optional<CliEngineSpec> read(Path file, Map<String, Map<String, String>> overrides,
                                        Function<String, String> environment, ConfigCheck check) {
        return ConfigFiles.read(file, CliConfigFile.class, check)
                .map(raw -> validate(file, raw, overrides.get(raw.name()), environment, check))
                .filter(spec -> check.ok());
    }

    static CliEngineSpec validate(Path file, CliConfigFile raw, Map<String, String> overrides,
                                  Function<String, String> environment, ConfigCheck check) {
        EngineIdentity identity = EngineIdentity.check(raw.name(), raw.displayName(), raw.category(),
                raw.mimeTypes(), check);
        ConfigValues values = new ConfigValues(raw.variables(), overrides, environment, check);
        List<Template> command = command(raw.command(), values, check);
        Set<PosixFilePermission> permissions = permissions(raw.filePermissions(), check);
        ExitCodes exitCodes = exitCodes(raw.exitCodes(), check);
        ThreatPattern threat = threat(raw.threat(), check);
        VersionProbe version = null;
        if (raw.version() != null) {
            version = probe("version", raw.version().command(), raw.version().pattern(), values, check);
        }
        VersionProbe signatureCommand = null;
        Path digest = null;
        if (raw.signatureVersion() != null) {
            CliConfigFile.SignatureVersion signatures = raw.signatureVersion();
            if (signatures.command() == null && signatures.digest() == null) {
                check.fail("signatureVersion", "needs a command and pattern, a digest path, or both");
            }
            if (signatures.command() != null || signatures.pattern() != null) {
                signatureCommand = probe("signatureVersion", signatures.command(), signatures.pattern(), values,
                        check);
            }
            if (signatures.digest() != null) {
                String path = values.resolve("signatureVersion.digest", signatures.digest(), check);
                if (path != null && !Path.of(path).isAbsolute()) {
                    check.fail("signatureVersion.digest", "'" + path + "' is not an absolute path");
                }
                digest = path == null ? null : Path.of(path);
            }
        }
        Duration timeout = values.duration("timeout", raw.timeout(), DEFAULT_TIMEOUT, Duration.ofMillis(100),
                Duration.ofHours(1), check);
        Duration commandTimeout = values.duration("commandTimeout", raw.commandTimeout(), DEFAULT_COMMAND_TIMEOUT,
                Duration.ofMillis(100), Duration.ofMinutes(5), check);
        long maxOutput = values.dataSize("maxOutput", raw.maxOutput(), DEFAULT_MAX_OUTPUT, DataSize.ofBytes(256),
                DataSize.ofMegabytes(16), check);
        Map<String, String> env = environment(raw.environment(), values, check);
        return new CliEngineSpec(file, identity, command, permissions, exitCodes, threat, version, signatureCommand,
                digest, timeout, commandTimeout, (int) maxOutput, env, values.missingEnvironmentProblem());
    }

    private static List<Template> command(List<String> command, ConfigValues values, ConfigCheck check) {
        if (command == null || command.isEmpty()) {
            check.fail("command", "is missing: write the program and its arguments as a list, e.g. [clamscan,"
                    + " --no-summary, \"{file}\"]");
            return List.of();
        }
        List<Template> templates = values.templates("command", command, Set.of(FILE_SLOT), check);
        if (!templates.isEmpty() && templates.getFirst().uses(FILE_SLOT)) {
            check.fail("command[0]", "is the program to run; it cannot be {file}");
        }
        if (templates.stream().noneMatch(t -> t.uses(FILE_SLOT))) {
            check.fail("command", "never uses {file}, the path of the file to scan");
        }
        if (!templates.isEmpty() && templates.getFirst().source().isBlank()) {
            check.fail("command[0]", "is empty; it must name the program");
        }
        return templates;
    }

    private static Set<PosixFilePermission> permissions(String text, ConfigCheck check) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(text.strip());
            if (!permissions.contains(PosixFilePermission.OWNER_READ)) {
                check.fail("filePermissions", "'" + text + "' must keep the owner's read permission");
            }
            return permissions;
        } catch (IllegalArgumentException e) {
            check.fail("filePermissions", "'" + text + "' is not a POSIX permission string such as rw-r--r--");
            return null;
        }
    }

    private static ExitCodes exitCodes(Map<String, String> raw, ConfigCheck check) {
        if (raw == null || raw.isEmpty()) {
            check.fail("exitCodes", "is missing: map each exit code to one of " + Verdict.accepted()
                    + ", e.g. {0: undetected, 1: malicious}");
            return new ExitCodes(Map.of(), Verdict.FAILURE);
        }
        Map<Integer, Verdict> byCode = new HashMap<>();
        Verdict other = Verdict.FAILURE;
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String field = "exitCodes." + entry.getKey();
            Optional<Verdict> verdict = Verdict.parse(entry.getValue());
            if (verdict.isEmpty()) {
                check.fail(field, "is '" + entry.getValue() + "', not one of " + Verdict.accepted());
                continue;
            }
            if ("other".equals(entry.getKey())) {
                other = verdict.get();
                continue;
            }
            try {
                int code = Integer.parseInt(entry.getKey().strip());
                if (code < 0 || code > 255) {
                    throw new NumberFormatException();
                }
                byCode.put(code, verdict.get());
            } catch (NumberFormatException e) {
                check.fail(field, "is not an exit code: keys are 0 to 255, or 'other' for every code not listed");
            }
        }
        if (byCode.values().stream().allMatch(Verdict::isFailure) && other.isFailure()) {
            check.fail("exitCodes", "maps no exit code to a result (" + Verdict.accepted() + ")");
        }
        return new ExitCodes(byCode, other);
    }

    private static ThreatPattern threat(CliConfigFile.Threat raw, ConfigCheck check) {
        if (raw == null) {
            return null;
        }
        Pattern pattern = check.regex("threat.pattern", check.required("threat.pattern", raw.pattern()), null);
        Verdict category = null;
        if (raw.category() != null) {
            category = Verdict.parse(raw.category()).orElse(null);
            if (category != Verdict.MALICIOUS && category != Verdict.SUSPICIOUS) {
                check.fail("threat.category", "is '" + raw.category() + "'; a match can only mean malicious or"
                        + " suspicious");
                return null;
            }
        }
        if (pattern != null && category == null && !pattern.namedGroups().containsKey(ThreatPattern.GROUP)) {
            check.fail("threat.pattern", "has no named group 'threat'; write e.g. (?<threat>\\S+) around the"
                    + " threat name, or set threat.category to count a match as a detection without a name");
            return null;
        }
        return pattern == null ? null : new ThreatPattern(pattern, category);
    }

    private static VersionProbe probe(String field, List<String> command, String pattern, ConfigValues values,
                                      ConfigCheck check) {
        if (command == null || command.isEmpty()) {
            check.fail(field + ".command", "is missing: the command printing the version, as a list");
            return null;
        }
        List<Template> templates = values.templates(field + ".command", command, Set.of(), check);
        Pattern regex = check.regex(field + ".pattern", check.required(field + ".pattern", pattern), "version");
        return regex == null ? null : new VersionProbe(templates, regex);
    }

    private static Map<String, String> environment(Map<String, String> raw, ConfigValues values,
                                                   ConfigCheck check) {
        Map<String, String> env = new LinkedHashMap<>();
        if (raw == null) {
            return env;
        }
        raw.forEach((name, value) -> {
            String field = "environment." + name;
            if (!ENV_NAME.matcher(name).matches()) {
                check.fail(field, "is not a valid environment variable name");
            } else {
                env.put(name, value == null ? "" : values.resolve(field, value, check));
            }
        });
        return env;
    }
}
