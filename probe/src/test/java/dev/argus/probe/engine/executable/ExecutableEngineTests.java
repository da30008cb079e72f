package dev.argus.probe.engine.executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.engine.executable.pe.TinyPe;
import dev.argus.probe.spi.ScanOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on real files: no service needed, the readers run in the JVM. */
class ExecutableEngineTests {

    @TempDir
    Path dir;

    private final ExecutableEngine engine = new ExecutableEngine(new ExecutableProperties(Duration.ofSeconds(30), 500));

    @Test
    void describesItselfAsAMetadataEngineForExecutablesOnly() throws Exception {
        assertThat(engine.name()).isEqualTo("executable");
        assertThat(engine.displayName()).isEqualTo("Executable structure (PE/ELF)");
        assertThat(engine.category()).isEqualTo(ProbeCategory.METADATA);
        assertThat(engine.mimeTypes()).isEqualTo(ExecutableEngine.MIME_TYPES);
        assertThat(engine.dependencies()).isEmpty();
        assertThat(engine.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatCode(engine::verify).doesNotThrowAnyException();
        assertThat(engine.refreshVersions()).isEqualTo(engine.versions());
        assertThat(engine.versions().engineVersion()).isEqualTo("argus-executable " + ExecutableEngine.EXTRACTOR_VERSION);
        assertThat(engine.versions().signatureVersion()).isNotBlank();
    }

    @Test
    void peFileGetsItsPeStructure() throws Exception {
        ScanOutcome outcome = engine.scan(Files.write(dir.resolve("tiny.exe"), TinyPe.pe32()));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
        assertThat(outcome.versions()).isEqualTo(engine.versions());
        assertThat(outcome.details()).containsEntry("format", "pe").doesNotContainKeys("elf", "md5", "mimeType");
        assertThat(outcome.details().get("pe")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("machine", "I386").containsEntry("format", "PE32")
                .containsEntry("imports", Map.of("KERNEL32.dll", List.of("ExitProcess")))
                .containsEntry("warnings", List.of());
    }

    @Test
    void pe32PlusGetsItsPeStructure() throws Exception {
        Map<String, Object> details = engine.scan(Files.write(dir.resolve("tiny64.exe"), TinyPe.pe32Plus()))
                .details();

        assertThat(details.get("pe")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("format", "PE32+");
    }

    @Test
    void elfFileGetsItsElfStructure() throws Exception {
        Map<String, Object> details = engine.scan(Path.of("/bin/ls")).details();

        assertThat(details).containsEntry("format", "elf").doesNotContainKey("pe");
        assertThat(details.get("elf")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("class", "ELF64").containsKey("needed").containsKey("dynamicSymbols");
    }

    @Test
    void truncatedPeGivesAPartialStructureWithWarnings() throws Exception {
        byte[] cut = Arrays.copyOf(TinyPe.pe32(), 0x1a0);

        ScanOutcome outcome = engine.scan(Files.write(dir.resolve("cut.exe"), cut));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.details().get("pe")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("machine", "I386")
                .extractingByKey("warnings", InstanceOfAssertFactories.LIST).isNotEmpty();
    }

    @Test
    void misdetectedTextFileIsUnknownWithAWarning() throws Exception {
        ScanOutcome outcome = engine.scan(Files.writeString(dir.resolve("notes.exe"), "just text"));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.details()).containsEntry("format", "unknown").doesNotContainKeys("pe", "elf")
                .containsEntry("warnings", List.of("neither a PE nor an ELF file: it starts with 6a 75 73 74"));
    }

    @Test
    void dosProgramWithoutPeSignatureIsUnknownWithAWarning() throws Exception {
        byte[] dos = Arrays.copyOf(TinyPe.pe32(), 0x80);

        Map<String, Object> details = engine.scan(Files.write(dir.resolve("dos.exe"), dos)).details();

        assertThat(details).containsEntry("format", "unknown");
        assertThat(details.get("warnings")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement()
                .asString().startsWith("starts with MZ but has no PE signature");
    }

    @Test
    void emptyFileIsUnknownWithAWarning() throws Exception {
        Map<String, Object> details = engine.scan(Files.createFile(dir.resolve("empty"))).details();

        assertThat(details).containsEntry("format", "unknown")
                .containsEntry("warnings", List.of("neither a PE nor an ELF file: the file is empty"));
    }

    @Test
    void interruptedScanStopsWithInterruptedException() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> engine.scan(Path.of("/bin/ls"))).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
