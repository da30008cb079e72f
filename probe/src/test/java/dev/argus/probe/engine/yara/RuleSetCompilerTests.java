package dev.argus.probe.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetCompilerTests {

    @TempDir
    Path dir;

    @Test
    void takesYarAndYaraFilesButNotHiddenOrOtherFiles() {
        assertThat(RuleSetCompiler.isRuleFile(Path.of("a.yar"))).isTrue();
        assertThat(RuleSetCompiler.isRuleFile(Path.of("b.YARA"))).isTrue();
        assertThat(RuleSetCompiler.isRuleFile(Path.of(".a.yar"))).isFalse();
        assertThat(RuleSetCompiler.isRuleFile(Path.of("a.yar.swp"))).isFalse();
        assertThat(RuleSetCompiler.isRuleFile(Path.of("index.yarinc"))).isFalse();
    }

    @Test
    void namesEachFilesNamespaceAfterTheFile() {
        assertThat(RuleSetCompiler.namespaceOf(Path.of("/r/argus-test.yar"))).isEqualTo("argus_test");
        assertThat(RuleSetCompiler.namespaceOf(Path.of("/r/APT 1:x.yara"))).isEqualTo("APT_1_x");
    }

    @Test
    void versionDependsOnNamesAndContentsNotOnDates() throws IOException {
        Path a = Files.writeString(dir.resolve("a.yar"), "rule a { condition: true }");
        String version = RuleSetCompiler.digest(List.of(a));
        assertThat(version).matches("rules:[0-9a-f]{12}");

        Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(RuleSetCompiler.digest(List.of(a))).isEqualTo(version);

        Files.writeString(a, "rule a { condition: false }");
        assertThat(RuleSetCompiler.digest(List.of(a))).isNotEqualTo(version);

        Path renamed = Files.move(a, dir.resolve("b.yar"));
        Files.writeString(renamed, "rule a { condition: true }");
        assertThat(RuleSetCompiler.digest(List.of(renamed))).isNotEqualTo(version);
    }
}
