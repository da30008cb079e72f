package dev.argus.probe.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledRulesTests {

    @TempDir
    Path dir;

    @Test
    void keepsTheCompiledFileUntilTheLastScanReleasesARetiredSet() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yarc"), "compiled");
        CompiledRules rules = new CompiledRules(file, "rules:000000000000", List.of("a.yar"), "4.2.3");

        assertThat(rules.acquire()).isTrue();
        rules.retire();
        assertThat(file).exists();

        rules.release();
        assertThat(file).doesNotExist();
        assertThat(rules.acquire()).isFalse();
    }

    @Test
    void deletesTheFileOnRetireWhenNoScanUsesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yarc"), "compiled");
        CompiledRules rules = new CompiledRules(file, "rules:000000000000", List.of("a.yar"), "4.2.3");

        rules.acquire();
        rules.release();
        assertThat(file).exists();

        rules.retire();
        assertThat(file).doesNotExist();
    }
}
