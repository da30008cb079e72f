package dev.argus.probe.engine.yara;

import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.engine.support.DirectoryFingerprint;
import dev.argus.probe.engine.support.ReloadingDirectory;
import dev.argus.probe.job.WorkDirectory;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * YARA rules from a directory, matched by Debian's {@code yara} program, one process per file. The rules are
 * compiled once with {@code yarac} into this process's work directory and compiled again when the directory
 * changes ({@link ReloadingDirectory}); a rule set {@code yarac} rejects on a reload leaves the previous set in use.
 * A match is {@code malicious}, or {@code suspicious} when every matching rule says {@code category = "suspicious"}
 * in its meta ({@link YaraVerdict}); the result's details list the matching rules with their tags and meta.
 * Thread-safe: every scan runs its own {@code yara} process on the compiled set it started with.
 */
public final class YaraEngine implements ScanEngine, AutoCloseable {

    static final String NAME = "yara";

    private final YaraProperties properties;
    private final ReloadingDirectory<CompiledRules> rules;
    private final Object workDirLock = new Object();
    private volatile WorkDirectory workDirectory;
    private volatile String yaraVersion;

    public YaraEngine(YaraProperties properties) {
        this.properties = properties;
        this.rules = new ReloadingDirectory<>(NAME, properties.rulesDir(), RuleSetCompiler::isRuleFile,
                new RuleSetCompiler(properties.rulesDir(), properties.yaracCommand(), properties.compileTimeout(),
                        this::workDir, () -> yaraVersion),
                properties.reloadInterval());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "YARA";
    }

    @Override
    public ProbeCategory category() {
        return ProbeCategory.ANTIVIRUS;
    }

    /**
     * The two programs and at least one rule file. A rules directory without rule files is reported as the missing
     * file {@code <rules-dir>/*.yar}.
     */
    @Override
    public List<EngineDependency> dependencies() {
        List<EngineDependency> needs = new ArrayList<>(List.of(
                new EngineDependency.BinaryOnPath(properties.yaraCommand()),
                new EngineDependency.BinaryOnPath(properties.yaracCommand())));
        Path dir = properties.rulesDir();
        needs.add(new EngineDependency.FilePresent(hasRuleFiles(dir) ? dir : dir.resolve("*.yar")));
        return needs;
    }

    /** Reads YARA's version and compiles the rules; a rule set {@code yarac} rejects fails with its messages. */
    @Override
    public void verify() throws EngineException {
        try {
            workDir();
        } catch (UncheckedIOException e) {
            throw new EngineException("cannot prepare a directory for the compiled rules under "
                    + properties.workDir() + " (set argus.probe.yara.work-dir to a writable directory): "
                    + e.getCause().getMessage(), e);
        }
        readVersion();
        try {
            rules.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while compiling the YARA rules", e);
        } catch (Exception e) {
            throw new EngineException(Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
        }
    }

    @Override
    public EngineVersions versions() {
        CompiledRules current = rules.current();
        return new EngineVersions(yaraVersion, current == null ? null : current.version());
    }

    /** Asks {@code yara --version} again; after an upgrade the rules are compiled again by the new version. */
    @Override
    public EngineVersions refreshVersions() throws EngineException {
        String version = readVersion();
        CompiledRules current = rules.current();
        if (current != null && !version.equals(current.compiledBy())) {
            rules.reloadOnNextCheck();
        }
        return versions();
    }

    @Override
    public Duration timeout() {
        return properties.scanTimeout();
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TerminalEngineException("not a readable file: " + file.getFileName());
        }
        CompiledRules compiled = acquireRules();
        try {
            long seconds = Math.max(1, (properties.scanTimeout().toMillis() + 999) / 1000);
            List<String> command = List.of(properties.yaraCommand(), "--compiled-rules", "--no-warnings",
                    "--print-namespace", "--print-tags", "--print-meta", "--timeout=" + seconds,
                    compiled.file().toString(), file.toString());
            ProgramRun run = ProgramRun.run(command, outputFile("scan"),
                    properties.scanTimeout().plusSeconds(5));
            if (run.exitCode() != 0) {
                throw new EngineException("yara failed (exit " + run.exitCode() + "): " + run.summary());
            }
            List<RuleMatch> matches = YaraOutput.parse(run.output(), file.toString());
            YaraVerdict verdict = YaraVerdict.of(matches);
            return new ScanOutcome(verdict.category(), verdict.threat(),
                    Map.of("rules", matches.stream().map(RuleMatch::toDetails).toList()),
                    new EngineVersions(yaraVersion, compiled.version()));
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new EngineException(e.getMessage(), e);
        } catch (IOException e) {
            throw new EngineException("cannot run yara: " + e.getMessage(), e);
        } finally {
            compiled.release();
        }
    }

    @Override
    public void close() {
        rules.close();
        WorkDirectory dir = workDirectory;
        if (dir != null) {
            dir.close();
        }
    }

    private CompiledRules acquireRules() throws EngineException {
        while (true) {
            CompiledRules current = rules.current();
            if (current == null) {
                throw new EngineException("the YARA rules are not compiled (verify() has not succeeded)");
            }
            if (current.acquire()) {
                return current;
            }
            // retired by a reload between current() and acquire(): the next current() is the new set
        }
    }

    private String readVersion() throws EngineException {
        try {
            ProgramRun run = ProgramRun.run(List.of(properties.yaraCommand(), "--version"), outputFile("version"),
                    properties.compileTimeout());
            String version = run.output().strip();
            if (run.exitCode() != 0 || version.isEmpty() || version.contains("\n")) {
                throw new EngineException("'" + properties.yaraCommand() + " --version' failed (exit "
                        + run.exitCode() + "): " + run.summary());
            }
            yaraVersion = version;
            return version;
        } catch (IOException | TimeoutException e) {
            throw new EngineException("cannot run '" + properties.yaraCommand() + " --version': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while asking yara for its version", e);
        }
    }

    private Path outputFile(String purpose) {
        return workDir().resolve(purpose + "-" + UUID.randomUUID() + ".out");
    }

    /** This process's own directory under {@code argus.probe.yara.work-dir}, created on first use. */
    private Path workDir() {
        WorkDirectory dir = workDirectory;
        if (dir == null) {
            synchronized (workDirLock) {
                dir = workDirectory;
                if (dir == null) {
                    dir = WorkDirectory.open(properties.workDir(), "yara-" + UUID.randomUUID().toString()
                            .substring(0, 8));
                    workDirectory = dir;
                }
            }
        }
        return dir.path();
    }

    private static boolean hasRuleFiles(Path dir) {
        try {
            return !DirectoryFingerprint.matchingFiles(dir, RuleSetCompiler::isRuleFile).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
