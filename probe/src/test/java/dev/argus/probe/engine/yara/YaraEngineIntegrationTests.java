package dev.argus.probe.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.argus.common.message.Category;
import dev.argus.probe.engine.support.ReloadingDirectory;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Against Debian's real {@code yara} and {@code yarac}, with the project's test rules from .ci/yara. */
class YaraEngineIntegrationTests {

    static final Path SHIPPED_RULES = Path.of("..", ".ci", "yara", "argus-test.yar");
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @TempDir
    Path rulesDir;

    @TempDir
    Path work;

    @TempDir
    Path files;

    private YaraEngine engine;
    private final ListAppender<ILoggingEvent> reloadLog = new ListAppender<>();

    @BeforeEach
    void installTheTestRules() throws IOException {
        Files.copy(SHIPPED_RULES, rulesDir.resolve("argus-test.yar"));
        reloadLog.start();
        ((Logger) LoggerFactory.getLogger(ReloadingDirectory.class)).addAppender(reloadLog);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(ReloadingDirectory.class)).detachAppender(reloadLog);
        if (engine != null) {
            engine.close();
        }
    }

    private YaraEngine start() throws EngineException {
        engine = new YaraEngine(new YaraProperties(rulesDir, "yara", "yarac", Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMillis(100), work));
        engine.verify();
        engine.refreshVersions();
        return engine;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.US_ASCII);
    }

    @Test
    void detectsEicarAsMaliciousListingTheRuleWithItsTagsAndMeta() throws Exception {
        ScanOutcome outcome = start().scan(file("eicar.com", EICAR));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("Argus_Test_Eicar");
        assertThat(outcome.details()).containsOnlyKeys("rules");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) outcome.details().get("rules");
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule).containsEntry("rule", "Argus_Test_Eicar").containsEntry("namespace", "argus_test")
                    .containsEntry("tags", List.of("test", "eicar"));
            assertThat(rule.get("meta")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .contains(entry("description", "The EICAR anti-virus test file"), entry("category", "malicious"));
        });
        assertThat(outcome.versions().engineVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(outcome.versions().signatureVersion()).matches("rules:[0-9a-f]{12}");
    }

    @Test
    void detectsTheTestMarkerAnywhereInAFile() throws Exception {
        ScanOutcome outcome = start().scan(file("notes.txt", "some text\nthen ARGUS-YARA-TEST-MARKER here\n"));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("Argus_Test_Marker");
    }

    @Test
    void reportsARuleWithSuspiciousCategoryAsSuspicious() throws Exception {
        ScanOutcome outcome = start().scan(file("odd.txt", "ARGUS-YARA-SUSPICIOUS-MARKER"));

        assertThat(outcome.category()).isEqualTo(Category.SUSPICIOUS);
        assertThat(outcome.threat()).isEqualTo("Argus_Test_Suspicious_Marker");
    }

    @Test
    void reportsACleanAndAnEmptyFileAsUndetected() throws Exception {
        start();

        for (Path clean : List.of(file("clean.txt", "nothing to see"), file("empty.bin", ""))) {
            ScanOutcome outcome = engine.scan(clean);
            assertThat(outcome.category()).as(clean.toString()).isEqualTo(Category.UNDETECTED);
            assertThat(outcome.threat()).isNull();
            assertThat(outcome.details()).containsEntry("rules", List.of());
        }
    }

    @Test
    void usesRulesChangedOnDiskAndChangesTheSignatureVersion() throws Exception {
        Path sample = file("sample.txt", "ARGUS-NEW-RULE-MARKER");
        String before = start().versions().signatureVersion();
        assertThat(engine.scan(sample).category()).isEqualTo(Category.UNDETECTED);

        Files.writeString(rulesDir.resolve("extra.yara"),
                "rule Argus_New_Rule : fresh { meta: description = \"added later\""
                        + " strings: $m = \"ARGUS-NEW-RULE-MARKER\" condition: $m }");

        await().atMost(Duration.ofSeconds(10)).until(() -> engine.scan(sample).category() == Category.MALICIOUS);
        ScanOutcome outcome = engine.scan(sample);
        assertThat(outcome.threat()).isEqualTo("Argus_New_Rule");
        assertThat(outcome.versions().signatureVersion()).isNotEqualTo(before).matches("rules:[0-9a-f]{12}");
        assertThat(engine.refreshVersions().signatureVersion()).isEqualTo(outcome.versions().signatureVersion());
    }

    @Test
    void keepsThePreviousRulesAndWarnsWhenAChangedRuleFileIsBroken() throws Exception {
        String before = start().versions().signatureVersion();

        Files.writeString(rulesDir.resolve("broken.yar"), "rule Broken { strings: $a = \"x\" condition: $b }");

        await().atMost(Duration.ofSeconds(10)).until(() -> reloadLog.list.stream()
                .anyMatch(event -> event.getLevel() == Level.WARN));
        ILoggingEvent warning = reloadLog.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .findFirst().orElseThrow();
        assertThat(warning.getFormattedMessage()).contains("keeping the previous", before, "yarac rejected",
                "broken.yar", "undefined string \"$b\"");
        assertThat(engine.versions().signatureVersion()).isEqualTo(before);
        assertThat(engine.scan(file("eicar.com", EICAR)).category()).isEqualTo(Category.MALICIOUS);
    }

    @Test
    void failsVerifyWithYaracsMessageWhenTheRulesAreMalformedAtStart() throws IOException {
        Files.writeString(rulesDir.resolve("broken.yar"), "rule Broken { condition: nonsense and }");
        engine = new YaraEngine(new YaraProperties(rulesDir, "yara", "yarac", Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMillis(100), work));

        assertThatThrownBy(engine::verify).isInstanceOf(EngineException.class)
                .hasMessageContaining("yarac rejected the rules in " + rulesDir)
                .hasMessageContaining("broken.yar")
                .hasMessageContaining("error");
    }

    @Test
    void needsTheProgramsAndARuleFile() throws IOException {
        YaraEngine withRules = new YaraEngine(new YaraProperties(rulesDir, "yara", "yarac", Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMillis(100), work));
        assertThat(withRules.dependencies()).containsExactly(new EngineDependency.BinaryOnPath("yara"),
                new EngineDependency.BinaryOnPath("yarac"), new EngineDependency.FilePresent(rulesDir));

        Files.delete(rulesDir.resolve("argus-test.yar"));
        Files.writeString(rulesDir.resolve("README.md"), "rules go here");
        assertThat(withRules.dependencies()).last()
                .isEqualTo(new EngineDependency.FilePresent(rulesDir.resolve("*.yar")));
    }

    @Test
    void removesItsCompiledRulesOnClose() throws Exception {
        start().scan(file("eicar.com", EICAR));
        try (Stream<Path> compiled = Files.walk(work)) {
            assertThat(compiled.filter(path -> path.toString().endsWith(".yarc"))).hasSize(1);
        }

        engine.close();

        try (Stream<Path> left = Files.walk(work)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
        engine = null;
    }
}
