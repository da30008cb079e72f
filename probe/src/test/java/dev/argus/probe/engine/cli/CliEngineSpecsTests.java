package dev.argus.probe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.engine.configfile.ConfigCheck;
import dev.argus.probe.engine.configfile.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliEngineSpecsTests {

    static final String MINIMAL = """
            name: fakescan
            command: [fakescan, "{file}"]
            exitCodes: {0: undetected, 1: malicious}
            """;

    @TempDir
    Path dir;

    @Test
    void readsAMinimalFileWithTheDocumentedDefaults() throws IOException {
        CliEngineSpec spec = valid(MINIMAL);

        assertThat(spec.identity().name()).isEqualTo("fakescan");
        assertThat(spec.identity().displayName()).isEqualTo("fakescan");
        assertThat(spec.identity().category()).isEqualTo(ProbeCategory.ANTIVIRUS);
        assertThat(spec.identity().mimeTypes()).isNull();
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.commandTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.maxOutput()).isEqualTo(64 * 1024);
        assertThat(spec.exitCodes().of(0)).isEqualTo(Verdict.UNDETECTED);
        assertThat(spec.exitCodes().of(1)).isEqualTo(Verdict.MALICIOUS);
        assertThat(spec.exitCodes().of(2)).isEqualTo(Verdict.FAILURE);
        assertThat(spec.version()).isNull();
        assertThat(spec.missingEnvironment()).isNull();
    }

    @Test
    void expandsVariablesAndEnvironmentAndKeepsTheFileSlotForRunTime() throws IOException {
        CliEngineSpec spec = valid("""
                name: fakescan
                variables: {db: /var/db, home: "${env:FAKE_HOME}"}
                command: ["${home}/bin/scan", "--db=${db}", "--file={file}", "x{2}"]
                exitCodes: {0: undetected, 1: malicious, other: failure-terminal}
                environment: {LICENSE: "${env:FAKE_LICENSE}"}
                """, Map.of(), Map.of("FAKE_HOME", "/opt/fake", "FAKE_LICENSE", "L-1"));

        assertThat(spec.command().stream().map(t -> t.expand(Map.of("file", "/tmp/a b"))).toList())
                .containsExactly("/opt/fake/bin/scan", "--db=/var/db", "--file=/tmp/a b", "x{2}");
        assertThat(spec.environment()).containsEntry("LICENSE", "L-1");
        assertThat(spec.exitCodes().of(7)).isEqualTo(Verdict.FAILURE_TERMINAL);
    }

    @Test
    void aVariableOverrideReplacesTheDeclaredValue() throws IOException {
        CliEngineSpec spec = valid("""
                name: fakescan
                variables: {db: /var/db}
                command: [fakescan, "-d", "${db}", "{file}"]
                exitCodes: {0: undetected}
                """, Map.of("fakescan", Map.of("db", "/srv/db")), Map.of());

        assertThat(spec.command().get(2).text()).isEqualTo("/srv/db");
    }

    @Test
    void anUnsetEnvironmentVariableIsNotASyntaxErrorButIsRemembered() throws IOException {
        CliEngineSpec spec = valid("""
                name: fakescan
                command: [fakescan, "{file}"]
                exitCodes: {0: undetected}
                environment: {KEY: "${env:NOT_SET_ANYWHERE}"}
                """);

        assertThat(spec.missingEnvironment())
                .isEqualTo("environment variable NOT_SET_ANYWHERE (used by field 'environment.KEY') is not set");
    }

    @Test
    void rejectsAnUnknownPlaceholderNamingTheFileAndField() throws IOException {
        assertThat(problems("""
                name: fakescan
                command: [fakescan, "{fil}", "{file}"]
                exitCodes: {0: undetected}
                """)).singleElement().asString()
                .isEqualTo(dir.resolve("engine.yaml") + ": field 'command[1]' uses the unknown placeholder {fil};"
                        + " available here: {file}.");
    }

    @Test
    void rejectsAnUndeclaredVariable() throws IOException {
        assertThat(problems("""
                name: fakescan
                variables: {db: /var/db}
                command: [fakescan, "${signatures}", "{file}"]
                exitCodes: {0: undetected}
                """)).singleElement().asString()
                .contains("field 'command[1]' uses the unknown placeholder ${signatures}; declared variables: db");
    }

    @Test
    void rejectsTheFileSlotOutsideTheScanCommand() throws IOException {
        assertThat(problems(MINIMAL + """
                version: {command: [fakescan, "{file}"], pattern: "(?<version>.+)"}
                """)).singleElement().asString().contains("field 'version.command[1]' uses the unknown placeholder"
                + " {file}; no {placeholder} is available in this field");
    }

    @Test
    void rejectsAnInvalidRegexAndARegexWithoutItsGroup() throws IOException {
        assertThat(problems(MINIMAL + """
                threat: {pattern: "FOUND (?<threat>"}
                version: {command: [fakescan, -v], pattern: "v(\\\\d+)"}
                """)).satisfiesExactlyInAnyOrder(
                first -> assertThat(first).contains("field 'threat.pattern' is not a valid regex (Unclosed group"),
                second -> assertThat(second).contains("field 'version.pattern' has no named group 'version'"));
    }

    @Test
    void rejectsAThreatPatternWithoutNameUnlessItSaysWhatAMatchMeans() throws IOException {
        assertThat(problems(MINIMAL + """
                threat: {pattern: "Threats found: [1-9]"}
                """)).singleElement().asString().contains("field 'threat.pattern' has no named group 'threat'");
        assertThat(problems(MINIMAL + """
                threat: {pattern: "Threats found: [1-9]", category: malicious}
                """)).isEmpty();
    }

    @Test
    void rejectsABadEngineName() throws IOException {
        assertThat(problems(MINIMAL.replace("name: fakescan", "name: Fake Scan"))).singleElement().asString()
                .contains("field 'name' 'Fake Scan' is not a valid engine name");
    }

    @Test
    void rejectsAnUnknownFieldNamingTheKnownOnes() throws IOException {
        assertThat(problems(MINIMAL + "timout: 5s\n")).singleElement().asString()
                .contains("field 'timout' is not a known field; known fields here:", "timeout", "commandTimeout");
    }

    @Test
    void rejectsACommandThatNeverReceivesTheFile() throws IOException {
        assertThat(problems(MINIMAL.replace("\"{file}\"", "--all"))).singleElement().asString()
                .contains("field 'command' never uses {file}");
    }

    @Test
    void rejectsBadExitCodesAndVerdicts() throws IOException {
        assertThat(problems("""
                name: fakescan
                command: [fakescan, "{file}"]
                exitCodes: {0: undetected, 1: infected, x: malicious, 300: malicious}
                """)).satisfiesExactlyInAnyOrder(
                one -> assertThat(one).contains("field 'exitCodes.1' is 'infected', not one of malicious,"),
                two -> assertThat(two).contains("field 'exitCodes.x' is not an exit code"),
                three -> assertThat(three).contains("field 'exitCodes.300' is not an exit code"));
    }

    @Test
    void rejectsMalformedDurationsSizesAndPermissions() throws IOException {
        assertThat(problems(MINIMAL + """
                timeout: soon
                maxOutput: lots
                filePermissions: rwxrwxrwz
                """)).satisfiesExactlyInAnyOrder(
                one -> assertThat(one).contains("field 'timeout' 'soon' is not a duration"),
                two -> assertThat(two).contains("field 'maxOutput' 'lots' is not a size"),
                three -> assertThat(three).contains("field 'filePermissions' 'rwxrwxrwz' is not a POSIX"));
    }

    @Test
    void rejectsAnOverrideOfAVariableTheFileDoesNotDeclare() throws IOException {
        Files.writeString(dir.resolve("engine.yaml"), MINIMAL);
        ConfigCheck check = new ConfigCheck(dir.resolve("engine.yaml"));

        CliEngineSpecs.read(dir.resolve("engine.yaml"), Map.of("fakescan", Map.of("dbb", "/x")), name -> null, check);

        assertThat(check.problems()).singleElement().asString()
                .contains("a variable override names 'dbb', which the file does not declare (declared: none)");
    }

    @Test
    void rejectsAFileThatIsNotYaml() throws IOException {
        assertThat(problems("name: 'unterminated\n")).singleElement().asString()
                .startsWith(dir.resolve("engine.yaml") + ": is not valid YAML");
    }

    @Test
    void rejectsAKeyWrittenTwice() throws IOException {
        assertThat(problems(MINIMAL + "exitCodes: {0: malicious}\n")).singleElement().asString()
                .contains("is not valid YAML: Duplicate Object property \"exitCodes\"");
    }

    @Test
    void rejectsAFieldOfTheWrongTypeNamingIt() throws IOException {
        assertThat(problems(MINIMAL.replace("exitCodes: {0: undetected, 1: malicious}", "exitCodes: [0, 1]")))
                .singleElement().asString().contains("field 'exitCodes' has the wrong type");
    }

    private CliEngineSpec valid(String yaml) throws IOException {
        return valid(yaml, Map.of(), Map.of());
    }

    private CliEngineSpec valid(String yaml, Map<String, Map<String, String>> overrides, Map<String, String> env)
            throws IOException {
        Path file = Files.writeString(dir.resolve("engine.yaml"), yaml);
        ConfigCheck check = new ConfigCheck(file);
        Optional<CliEngineSpec> spec = CliEngineSpecs.read(file, overrides, env::get, check);
        assertThat(check.problems()).isEmpty();
        return spec.orElseThrow();
    }

    private List<String> problems(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("engine.yaml"), yaml);
        ConfigCheck check = new ConfigCheck(file);
        Optional<CliEngineSpec> spec = CliEngineSpecs.read(file, Map.of(), name -> null, check);
        assertThat(spec.isPresent()).isEqualTo(check.ok());
        return check.problems();
    }
}
