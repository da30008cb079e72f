package dev.argus.probe.engine.cli;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.configfile.ConfiguredEngine;
import dev.argus.probe.engine.configfile.PathDigest;
import dev.argus.probe.engine.configfile.Template;
import dev.argus.probe.engine.configfile.Verdict;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command-line scanner run once per file, as its configuration file says: the command template with
 * {@code {file}} replaced by the probe's temp file, the exit code mapped to a verdict, threat names taken from the
 * output by a regex. The versions come from version commands or a digest of the signature files. Thread-safe: each
 * scan is its own process.
 */
final class CliEngine extends ConfiguredEngine {

    /**
     * The engine's own limit is the configured timeout plus this margin, so that normally the probe's timeout
     * (the same configured value) fires first and reports a {@code timeout} result; the engine's limit only
     * guards direct callers.
     */
    static final Duration BACKSTOP = Duration.ofSeconds(1);
    private static final int ERROR_EXCERPT = 300;

    private final CliEngineSpec spec;
    private volatile EngineVersions versions = EngineVersions.UNKNOWN;

    CliEngine(CliEngineSpec spec) {
        super(spec.identity(), "command-line engine file " + spec.file());
        this.spec = spec;
    }

    CliEngineSpec spec() {
        return spec;
    }

    /** The program ({@code command[0]}), and the signature path when a digest is configured. */
    @Override
    public List<EngineDependency> dependencies() {
        if (spec.missingEnvironment() != null) {
            return List.of(); // verify() names the missing variable
        }
        List<EngineDependency> dependencies = new ArrayList<>();
        dependencies.add(new EngineDependency.BinaryOnPath(spec.command().getFirst().text()));
        if (spec.signatureDigest() != null) {
            dependencies.add(new EngineDependency.FilePresent(spec.signatureDigest()));
        }
        return List.copyOf(dependencies);
    }

    /** Runs the version commands: the program must start and say its version. */
    @Override
    public void verify() throws EngineException {
        if (spec.missingEnvironment() != null) {
            throw new EngineException(spec.missingEnvironment());
        }
        refreshVersions();
    }

    @Override
    public EngineVersions versions() {
        return versions;
    }

    @Override
    public EngineVersions refreshVersions() throws EngineException {
        String engineVersion = spec.version() == null ? null : ask("version", spec.version())
                .orElseThrow(() -> new EngineException(displayName() + ": the version command "
                        + spec.version().command() + " printed no line matching " + spec.version().pattern()));
        EngineVersions current = new EngineVersions(engineVersion, signatureVersion());
        versions = current;
        return current;
    }

    @Override
    public Duration timeout() {
        return spec.timeout();
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        EngineVersions producedBy = versions;
        List<String> command = Template.expandAll(spec.command(), Map.of(CliEngineSpecs.FILE_SLOT,
                file.toAbsolutePath().toString()));
        if (spec.filePermissions() != null) {
            try {
                Files.setPosixFilePermissions(file, spec.filePermissions());
            } catch (IOException | UnsupportedOperationException e) {
                throw new EngineException("cannot set the permissions of " + file + " for " + displayName() + ": "
                        + e.getMessage(), e);
            }
        }
        ProcessRunner.Result result;
        try {
            result = ProcessRunner.run(command, spec.environment(), spec.timeout().plus(BACKSTOP), spec.maxOutput());
        } catch (ProcessRunner.TimedOut e) {
            throw new EngineException(displayName() + " did not finish within " + spec.timeout().toMillis()
                    + " ms; its process tree was killed", e);
        } catch (IOException e) {
            throw new EngineException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        }
        return outcome(result, producedBy);
    }

    /** Maps a finished scan process to the outcome, or to the failure its exit code means. */
    ScanOutcome outcome(ProcessRunner.Result result, EngineVersions producedBy) throws EngineException {
        Verdict verdict = spec.exitCodes().of(result.exitCode());
        if (verdict == Verdict.FAILURE) {
            throw new EngineException(failure(result));
        }
        if (verdict == Verdict.FAILURE_TERMINAL) {
            throw new TerminalEngineException(failure(result));
        }
        ThreatPattern.Found found = spec.threat() == null ? new ThreatPattern.Found(false, List.of())
                : spec.threat().find(result.stdout(), result.stderr());
        List<String> threats = found.names();
        Category category = verdict.category();
        if (found.matched() && spec.threat().category() != null) {
            category = spec.threat().category().category();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("exitCode", result.exitCode());
        if (!threats.isEmpty()) {
            details.put("threats", threats);
        }
        if (result.truncated()) {
            details.put("outputTruncated", true);
        }
        return new ScanOutcome(category, threats.isEmpty() ? null : threats.getFirst(), details, producedBy);
    }

    private String failure(ProcessRunner.Result result) {
        String said = lastLine(result.stderr()).or(() -> lastLine(result.stdout())).orElse("no output");
        return displayName() + " exited with code " + result.exitCode() + ": " + said;
    }

    private String signatureVersion() throws EngineException {
        if (spec.signatureCommand() != null) {
            Optional<String> told = ask("signature version", spec.signatureCommand());
            if (told.isPresent()) {
                return told.get();
            }
            if (spec.signatureDigest() == null) {
                throw new EngineException(displayName() + ": the signature version command "
                        + spec.signatureCommand().command() + " printed no line matching "
                        + spec.signatureCommand().pattern());
            }
        }
        if (spec.signatureDigest() == null) {
            return null;
        }
        try {
            return PathDigest.of(spec.signatureDigest());
        } catch (IOException e) {
            throw new EngineException(displayName() + ": cannot digest the signatures at " + spec.signatureDigest()
                    + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> ask(String what, VersionProbe probe) throws EngineException {
        List<String> command = Template.expandAll(probe.command(), Map.of());
        try {
            return probe.find(ProcessRunner.run(command, spec.environment(), spec.commandTimeout(),
                    spec.maxOutput()));
        } catch (IOException | ProcessRunner.TimedOut e) {
            throw new EngineException(displayName() + ": the " + what + " command " + probe.command() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(displayName() + ": interrupted while asking its " + what, e);
        }
    }

    private static Optional<String> lastLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String line = lines.getLast();
        return Optional.of(line.length() > ERROR_EXCERPT ? line.substring(0, ERROR_EXCERPT) + "..." : line);
    }

    @Override
    public String toString() {
        return origin();
    }
}
