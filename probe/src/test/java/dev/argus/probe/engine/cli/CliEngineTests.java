package dev.argus.probe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.configfile.ConfigCheck;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes: small shell scripts standing in for a scanner. */
class CliEngineTests {

    /** Behaves like clamscan: "FOUND" lines and exit code 1 when the file contains EVIL, 2 for BROKEN. */
    static final String SCANNER = """
            #!/bin/sh
            if grep -q BROKEN "$1"; then echo "cannot read $1: I/O error" >&2; exit 2; fi
            if grep -q LOCKED "$1"; then echo "$1: encrypted archive" >&2; exit 3; fi
            if grep -q EVIL "$1"; then echo "$1: Evil.Test-1 FOUND"; echo "$1: Evil.Test-2 FOUND"; exit 1; fi
            echo "$1: OK"
            """;

    @TempDir
    Path dir;

    private Path scanner;

    @BeforeEach
    void writeScanner() throws IOException {
        scanner = script("fakescan", SCANNER);
    }

    @Test
    void exitCodeOneWithFoundLinesIsMaliciousNamingTheFirstThreat() throws Exception {
        ScanOutcome outcome = engine(config()).scan(file("this is EVIL"));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("Evil.Test-1");
        assertThat(outcome.details()).containsEntry("exitCode", 1)
                .containsEntry("threats", java.util.List.of("Evil.Test-1", "Evil.Test-2"));
    }

    @Test
    void exitCodeZeroIsUndetectedWithoutThreat() throws Exception {
        ScanOutcome outcome = engine(config()).scan(file("harmless"));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
        assertThat(outcome.details()).containsEntry("exitCode", 0).doesNotContainKey("threats");
    }

    @Test
    void anUnmappedExitCodeIsARetryableFailureQuotingTheScanner() throws Exception {
        Path file = file("BROKEN");

        assertThatThrownBy(() -> engine(config()).scan(file))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessage("Fake scanner exited with code 2: cannot read " + file + ": I/O error");
    }

    @Test
    void aFailureTerminalExitCodeIsNotRetried() throws Exception {
        Path file = file("LOCKED");

        assertThatThrownBy(() -> engine(config().replace("1: malicious}", "1: malicious, 3: failure-terminal}"))
                .scan(file))
                .isInstanceOf(TerminalEngineException.class)
                .hasMessage("Fake scanner exited with code 3: " + file + ": encrypted archive");
    }

    @Test
    void aThreatCategoryDecidesForScannersThatAlwaysExitZero() throws Exception {
        Path alwaysZero = script("zero", "#!/bin/sh\necho \"$1 ---> Found Virus, Malware Name is Mal.X\"\n");
        String yaml = """
                name: comodo
                command: ["%s", "{file}"]
                exitCodes: {0: undetected}
                threat: {pattern: "Malware Name is (?<threat>.+)$", category: malicious}
                """.formatted(alwaysZero);

        ScanOutcome outcome = engine(yaml).scan(file("x"));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("Mal.X");
    }

    @Test
    void aCountOnlyPatternGivesADetectionWithoutName() throws Exception {
        Path counting = script("count", "#!/bin/sh\necho 'Scanned objects : 1'\necho 'Total detected objects : 1'\n");
        String yaml = """
                name: kaspersky
                command: ["%s", "{file}"]
                exitCodes: {0: undetected}
                threat: {pattern: "Total detected objects\\\\s*:\\\\s*[1-9]", category: suspicious}
                """.formatted(counting);

        ScanOutcome outcome = engine(yaml).scan(file("x"));

        assertThat(outcome.category()).isEqualTo(Category.SUSPICIOUS);
        assertThat(outcome.threat()).isNull();
    }

    @Test
    void passesTheFileAsOneArgumentThatNoShellInterprets() throws Exception {
        Path echo = script("echo-args", "#!/bin/sh\nfor a in \"$@\"; do echo \"arg:$a\"; done\n");
        Path odd = Files.writeString(dir.resolve("a b; $(touch pwned) `id`.bin"), "x");
        String yaml = """
                name: echo
                command: ["%s", "--x", "{file}"]
                exitCodes: {0: undetected}
                threat: {pattern: "^arg:(?<threat>.+)$"}
                """.formatted(echo);

        ScanOutcome outcome = engine(yaml).scan(odd);

        assertThat(outcome.details().get("threats")).isEqualTo(java.util.List.of("--x", odd.toString()));
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void keepsOnlyTheConfiguredAmountOfOutputAndDoesNotBlockOnAChattyScanner() throws Exception {
        Path chatty = script("chatty", "#!/bin/sh\nhead -c 2000000 /dev/zero | tr '\\\\0' 'a'\necho\n"
                + "echo 'x: Chatty FOUND'\nexit 1\n");
        String yaml = """
                name: chatty
                command: ["%s", "{file}"]
                exitCodes: {0: undetected, 1: malicious}
                threat: {pattern: ": (?<threat>\\\\S+) FOUND$"}
                maxOutput: 1KB
                """.formatted(chatty);

        ScanOutcome outcome = engine(yaml).scan(file("x"));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).as("the line after the bound is dropped").isNull();
        assertThat(outcome.details()).containsEntry("outputTruncated", true);
    }

    @Test
    void killsTheWholeProcessTreeWhenTheScanTakesTooLong() throws Exception {
        Path pids = dir.resolve("pids");
        Path slow = script("slow", "#!/bin/sh\nsleep 30 &\necho \"$$ $!\" > " + pids + "\nwait\n");
        CliEngine engine = engine("""
                name: slow
                command: ["%s", "{file}"]
                exitCodes: {0: undetected}
                timeout: 300ms
                """.formatted(slow));

        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.scan(file("x")))
                .isInstanceOf(EngineException.class)
                .hasMessage("slow did not finish within 300 ms; its process tree was killed");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertProcessesGone(pids);
    }

    @Test
    void killsTheWholeProcessTreeWhenTheScanIsInterrupted() throws Exception {
        Path pids = dir.resolve("pids");
        Path slow = script("slow", "#!/bin/sh\nsleep 30 &\necho \"$$ $!\" > " + pids + "\nwait\n");
        CliEngine engine = engine("""
                name: slow
                command: ["%s", "{file}"]
                exitCodes: {0: undetected}
                """.formatted(slow));
        Path file = file("x");
        AtomicReference<Thread> worker = new AtomicReference<>();

        CompletableFuture<ScanOutcome> scan = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                return engine.scan(file);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pids) && Files.size(pids) > 0);
        worker.get().interrupt();

        assertThatThrownBy(scan::get).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(InterruptedException.class);
        assertProcessesGone(pids);
    }

    @Test
    void learnsVersionsFromCommandsAndFallsBackToADigestOfTheSignatures() throws Exception {
        Path version = script("version", "#!/bin/sh\necho 'FakeScan 3.2.1'\necho 'Signatures: none loaded'\n");
        Path signatures = Files.createDirectories(dir.resolve("db"));
        Files.writeString(signatures.resolve("main.db"), "sigs");
        String yaml = config() + """
                version: {command: ["%s"], pattern: "^FakeScan (?<version>\\\\S+)"}
                signatureVersion:
                  command: ["%s"]
                  pattern: "^Signatures: (?<version>\\\\d+)"
                  digest: %s
                """.formatted(version, version, signatures);
        CliEngine engine = engine(yaml);

        engine.verify();

        EngineVersions versions = engine.versions();
        assertThat(versions.engineVersion()).isEqualTo("3.2.1");
        assertThat(versions.signatureVersion()).matches("local:[0-9a-f]{12}");
        assertThat(engine.dependencies()).contains(new EngineDependency.FilePresent(signatures));
        assertThat(engine.scan(file("EVIL")).versions()).isEqualTo(versions);
        Files.writeString(signatures.resolve("daily.db"), "more sigs");
        assertThat(engine.refreshVersions().signatureVersion()).isNotEqualTo(versions.signatureVersion());
    }

    @Test
    void aVersionCommandThatSaysNothingUsableFailsVerify() throws Exception {
        String yaml = config() + """
                version: {command: ["%s", "/dev/null"], pattern: "^FakeScan (?<version>\\\\S+)"}
                """.formatted(scanner);

        assertThatThrownBy(() -> engine(yaml).verify()).isInstanceOf(EngineException.class)
                .hasMessageContaining("the version command").hasMessageContaining("printed no line matching");
    }

    @Test
    void verifyNamesAnUnsetEnvironmentVariable() throws Exception {
        CliEngine engine = engine(config() + "environment: {LICENSE: \"${env:ARGUS_TEST_UNSET_LICENSE}\"}\n");

        assertThat(engine.dependencies()).isEmpty();
        assertThatThrownBy(engine::verify).hasMessage("environment variable ARGUS_TEST_UNSET_LICENSE (used by field"
                + " 'environment.LICENSE') is not set");
    }

    @Test
    void dependsOnTheProgramAndPassesTheConfiguredEnvironment() throws Exception {
        Path env = script("env", "#!/bin/sh\necho \"value:$FAKE_MODE\"\n");
        CliEngine engine = engine("""
                name: env
                command: ["%s", "{file}"]
                exitCodes: {0: undetected}
                threat: {pattern: "^value:(?<threat>.+)$"}
                environment: {FAKE_MODE: strict}
                """.formatted(env));

        assertThat(engine.dependencies()).containsExactly(new EngineDependency.BinaryOnPath(env.toString()));
        assertThat(engine.scan(file("x")).details().get("threats")).isEqualTo(java.util.List.of("strict"));
    }

    @Test
    void givesTheTempFileTheConfiguredPermissions() throws Exception {
        Path file = file("x");

        engine(config() + "filePermissions: rw-r--r--\n").scan(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void aProgramThatCannotStartIsARetryableFailure() throws Exception {
        CliEngine engine = engine(config().replace(scanner.toString(), dir.resolve("missing").toString()));

        assertThatThrownBy(() -> engine.scan(file("x"))).isExactlyInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot run " + dir.resolve("missing"));
    }

    private String config() {
        return """
                name: fake
                displayName: Fake scanner
                command: ["%s", "{file}"]
                exitCodes: {0: undetected, 1: malicious}
                threat: {pattern: ": (?<threat>\\\\S+) FOUND$"}
                """.formatted(scanner);
    }

    private CliEngine engine(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("engine-" + System.nanoTime() + ".yaml"), yaml);
        ConfigCheck check = new ConfigCheck(file);
        CliEngineSpec spec = CliEngineSpecs.read(file, Map.of(), System::getenv, check).orElse(null);
        assertThat(check.problems()).isEmpty();
        return new CliEngine(spec);
    }

    private Path script(String name, String text) throws IOException {
        Path path = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        return path;
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "argus-", ".bin"), content);
    }

    /**
     * Both the script and the sleep it started must be dead: gone, or a zombie (dead, waiting for init to reap the
     * orphan, which can take a while in a container).
     */
    private static void assertProcessesGone(Path pids) throws IOException {
        String[] both = Files.readString(pids).strip().split(" ");
        assertThat(both).hasSize(2);
        for (String pid : both) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> isDead(Long.parseLong(pid)));
        }
    }

    private static boolean isDead(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }
}
