package dev.argus.probe.engine.executable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.probe.engine.executable.pe.TinyPe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's mime filter, applied as the brain does (a case-insensitive find), against the types Apache Tika core
 * gives PE and ELF files and against types it must leave to other engines.
 */
class ExecutableMimeTypesTests {

    private static final Pattern FILTER = Pattern.compile(ExecutableEngine.MIME_TYPES, Pattern.CASE_INSENSITIVE);

    private final Tika tika = new Tika();

    @ParameterizedTest
    @ValueSource(strings = {"application/x-msdownload; format=pe32", "application/x-msdownload; format=pe64",
            "application/x-msdownload", "application/x-sharedlib", "application/x-executable", "application/x-object",
            "application/x-dosexec", "application/vnd.microsoft.portable-executable", "application/x-elf",
            "application/x-coredump", "Application/X-MSDownload;format=pe32"})
    void acceptsTheTypesOfPeAndElfFiles(String type) {
        assertThat(FILTER.matcher(type).find()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/zip", "application/octet-stream", "application/x-msdownloads",
            "application/x-executable-script", "text/x-application/x-elf", "application/java-archive",
            "application/x-ms-installer", "application/vnd.microsoft.portable-executable-archive"})
    void rejectsOtherTypes(String type) {
        assertThat(FILTER.matcher(type).find()).isFalse();
    }

    @Test
    void acceptsWhatTikaDetectsForPeFiles() {
        assertThat(tika.detect(TinyPe.pe32())).isEqualTo("application/x-msdownload; format=pe32")
                .containsPattern(FILTER);
        assertThat(tika.detect(TinyPe.pe32Plus())).isEqualTo("application/x-msdownload; format=pe64")
                .containsPattern(FILTER);
        assertThat(tika.detect(Arrays.copyOf(TinyPe.pe32(), 0x80))).as("MZ without a PE header")
                .isEqualTo("application/x-msdownload").containsPattern(FILTER);
    }

    @Test
    void acceptsWhatTikaDetectsForEachElfFileType() throws Exception {
        byte[] ls = Files.readAllBytes(Path.of("/bin/ls"));

        assertThat(tika.detect(withElfType(ls, 1))).isEqualTo("application/x-object").containsPattern(FILTER);
        assertThat(tika.detect(withElfType(ls, 2))).isEqualTo("application/x-executable").containsPattern(FILTER);
        assertThat(tika.detect(withElfType(ls, 3))).isEqualTo("application/x-sharedlib").containsPattern(FILTER);
        assertThat(tika.detect(withElfType(ls, 4))).isEqualTo("application/x-coredump").containsPattern(FILTER);
        assertThat(tika.detect(withElfType(ls, 0))).isEqualTo("application/x-elf").containsPattern(FILTER);
    }

    @Test
    void rejectsWhatTikaDetectsForOtherFiles() {
        assertThat(tika.detect("plain words".getBytes(StandardCharsets.US_ASCII))).doesNotContainPattern(FILTER);
        assertThat(tika.detect(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0})).doesNotContainPattern(FILTER);
        assertThat(tika.detect(new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff})).doesNotContainPattern(FILTER);
    }

    /** A copy of a little-endian ELF file with another {@code e_type}. */
    private static byte[] withElfType(byte[] elf, int type) {
        byte[] copy = Arrays.copyOf(elf, elf.length);
        copy[16] = (byte) type;
        copy[17] = 0;
        return copy;
    }
}
