package dev.argus.probe.engine.configfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTests {

    @TempDir
    Path dir;

    @Test
    void listsTheYamlFilesOfTheDirectorySortedIgnoringOthers() throws IOException {
        Files.writeString(dir.resolve("b.yml"), "name: b");
        Files.writeString(dir.resolve("a.yaml"), "name: a");
        Files.writeString(dir.resolve(".hidden.yaml"), "name: h");
        Files.writeString(dir.resolve("README.md"), "docs");
        Files.writeString(dir.resolve("c.yaml.disabled"), "name: c");
        Files.createDirectories(dir.resolve("untested.yaml"));
        Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("d.yaml"), "name: d");

        assertThat(ConfigFiles.list(dir, "argus.probe.cli.config-dir"))
                .containsExactly(dir.resolve("a.yaml"), dir.resolve("b.yml"));
    }

    @Test
    void aMissingDirectoryHasNoFilesButAFileInItsPlaceIsAnError() throws IOException {
        assertThat(ConfigFiles.list(dir.resolve("missing"), "argus.probe.cli.config-dir")).isEmpty();

        Path file = Files.writeString(dir.resolve("cli.d"), "");
        assertThatThrownBy(() -> ConfigFiles.list(file, "argus.probe.cli.config-dir"))
                .isInstanceOf(InvalidEngineConfigurationException.class)
                .hasMessageContaining(file + " (argus.probe.cli.config-dir) is not a readable directory.");
    }
}
