package dev.argus.probe.engine.yara;

import dev.argus.probe.engine.support.ReloadingDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the rule files of the rules directory with {@code yarac} into one file in the engine's work directory.
 * Each rule file gets its own namespace, named after the file ({@code argus-test.yar} -> {@code argus_test}), so two
 * files may declare rules with the same name. The set's version is {@code rules:} and the first 12 hex digits of a
 * SHA-256 over the files' names and contents: the same rules give the same version on every probe, whatever the
 * files' dates. When {@code yarac} rejects the rules the load fails with its error messages.
 */
final class RuleSetCompiler implements ReloadingDirectory.Loader<CompiledRules> {

    private static final Logger log = LoggerFactory.getLogger(RuleSetCompiler.class);

    private final Path rulesDir;
    private final String yarac;
    private final Duration timeout;
    private final Supplier<Path> workDir;
    private final Supplier<String> yaraVersion;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param workDir     where the compiled file goes (asked on every compile)
     * @param yaraVersion the installed YARA version, recorded with the compiled set
     */
    RuleSetCompiler(Path rulesDir, String yarac, Duration timeout, Supplier<Path> workDir,
                    Supplier<String> yaraVersion) {
        this.rulesDir = rulesDir;
        this.yarac = yarac;
        this.timeout = timeout;
        this.workDir = workDir;
        this.yaraVersion = yaraVersion;
    }

    /** Rule files: {@code *.yar} and {@code *.yara}, any case, not hidden. */
    static boolean isRuleFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yar") || name.endsWith(".yara"));
    }

    /** The namespace of a rule file: its name without the extension, other characters than [A-Za-z0-9_] as '_'. */
    static String namespaceOf(Path ruleFile) {
        String name = ruleFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** {@code rules:} and 12 hex digits of a SHA-256 over the files' names and contents. */
    static String digest(List<Path> files) throws IOException {
        MessageDigest sha256 = sha256();
        for (Path file : files) {
            sha256.update((file.getFileName() + "\0" + Files.size(file) + "\0").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
                in.transferTo(OutputStream.nullOutputStream()); // the digest sees the bytes
            }
        }
        return "rules:" + HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }

    @Override
    public CompiledRules load(List<Path> files) throws IOException, InterruptedException, TimeoutException {
        if (files.isEmpty()) {
            throw new IOException("no rule files (*.yar, *.yara) in " + rulesDir);
        }
        String version = digest(files);
        Path dir = workDir.get();
        Path compiled = dir.resolve(version.replace(':', '-') + "-" + sequence.incrementAndGet() + ".yarc");
        List<String> command = new ArrayList<>();
        command.add(yarac);
        for (Path file : files) {
            command.add(namespaceOf(file) + ":" + file.toAbsolutePath());
        }
        command.add(compiled.toString());
        ProgramRun run = ProgramRun.run(command, dir.resolve("yarac-" + sequence.get() + ".out"), timeout);
        if (run.exitCode() != 0 || !Files.isRegularFile(compiled)) {
            Files.deleteIfExists(compiled);
            throw new IOException("yarac rejected the rules in " + rulesDir + ": " + run.summary());
        }
        if (!run.output().isBlank()) {
            log.info("yarac compiled the rules in {} with warnings: {}", rulesDir, run.summary());
        }
        return new CompiledRules(compiled, version, files.stream().map(f -> f.getFileName().toString()).toList(),
                yaraVersion.get());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
