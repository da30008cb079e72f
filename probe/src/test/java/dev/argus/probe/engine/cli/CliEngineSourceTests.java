package dev.argus.probe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.probe.engine.configfile.InvalidEngineConfigurationException;
import dev.argus.probe.spi.ScanEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CliEngineSourceTests {

    @TempDir
    Path dir;

    @Test
    void makesOneEnginePerFileAndLogsEachOne(CapturedOutput output) throws IOException {
        write("alpha.yaml", CliEngineSpecsTests.MINIMAL.replace("fakescan", "alpha"));
        write("beta.yml", CliEngineSpecsTests.MINIMAL.replace("fakescan", "beta"));

        assertThat(source().engines()).extracting(ScanEngine::name).containsExactly("alpha", "beta");
        assertThat(output.getAll()).contains("command-line engine 'alpha' (alpha) from " + dir.resolve("alpha.yaml")
                + ": [alpha, {file}], timeout 60000 ms");
    }

    @Test
    void reportsEveryProblemOfEveryFileTogether() throws IOException {
        write("a.yaml", "name: Bad Name\ncommand: [x, \"{file}\"]\nexitCodes: {0: undetected}\n");
        write("b.yaml", "name: b\ncommand: [x]\nexitCodes: {0: undetected}\n");

        assertThatThrownBy(() -> source().engines())
                .isInstanceOfSatisfying(InvalidEngineConfigurationException.class, e -> assertThat(e.problems())
                        .satisfiesExactly(
                                a -> assertThat(a).startsWith(dir.resolve("a.yaml") + ": field 'name' 'Bad Name'"),
                                b -> assertThat(b).startsWith(dir.resolve("b.yaml") + ": field 'command' never uses")))
                .hasMessageStartingWith("2 problems in the command-line engine configuration"
                        + " (argus.probe.cli.config-dir=" + dir + "):");
    }

    @Test
    void rejectsTwoFilesDescribingTheSameEngineNamingBoth() throws IOException {
        write("a.yaml", CliEngineSpecsTests.MINIMAL);
        write("b.yaml", CliEngineSpecsTests.MINIMAL);

        assertThatThrownBy(() -> source().engines()).hasMessageContaining(dir.resolve("b.yaml")
                + ": field 'name' 'fakescan' is already the name of the engine in " + dir.resolve("a.yaml"));
    }

    @Test
    void aMissingDirectoryMeansNoEngine() {
        assertThat(new CliEngineSource(dir.resolve("none"), Map.of(), name -> null).engines()).isEmpty();
    }

    private CliEngineSource source() {
        return new CliEngineSource(dir, Map.of(), name -> null);
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }
}
