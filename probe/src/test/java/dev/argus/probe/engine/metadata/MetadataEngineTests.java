package dev.argus.probe.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.engine.executable.pe.TinyPe;
import dev.argus.probe.spi.ScanOutcome;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on real files: no service needed, Tika runs in the JVM. */
class MetadataEngineTests {

    @TempDir
    Path dir;

    private final MetadataEngine engine = new MetadataEngine(new MetadataProperties(Duration.ofSeconds(60)));

    @Test
    void describesItselfAsAMetadataEngineForEveryType() throws Exception {
        assertThat(engine.name()).isEqualTo("metadata");
        assertThat(engine.category()).isEqualTo(ProbeCategory.METADATA);
        assertThat(engine.mimeTypes()).isNull();
        assertThat(engine.dependencies()).isEmpty();
        assertThat(engine.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThatCode(engine::verify).doesNotThrowAnyException();
        assertThat(engine.refreshVersions()).isEqualTo(engine.versions());
        assertThat(engine.versions().engineVersion()).matches("argus-metadata \\S+; tika-core \\d+\\.\\d+\\.\\d+.*");
        assertThat(engine.versions().signatureVersion()).matches("tika-mimetypes \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void hashesSizeAndEntropyOfAKnownContent() throws Exception {
        ScanOutcome outcome = engine.scan(Files.writeString(dir.resolve("abc.txt"), "abc"));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
        assertThat(outcome.versions()).isEqualTo(engine.versions());
        assertThat(outcome.details()).containsEntry("size", 3L)
                .containsEntry("md5", "900150983cd24fb0d6963f7d28e17f72")
                .containsEntry("sha1", "a9993e364706816aba3e25717850c26c9cd0d89d")
                .containsEntry("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .containsEntry("sha512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
                .containsEntry("entropy", 1.585).containsEntry("mimeType", "text/plain");
    }

    @Test
    void entropyOfZerosIsZeroAndOfRandomBytesNearlyEight() throws Exception {
        Path zeros = Files.write(dir.resolve("zeros.bin"), new byte[1 << 20]);
        byte[] random = new byte[1 << 20];
        new Random(3).nextBytes(random);
        Path noise = Files.write(dir.resolve("random.bin"), random);

        assertThat(engine.scan(zeros).details()).containsEntry("entropy", 0.0);
        assertThat((double) engine.scan(noise).details().get("entropy")).isCloseTo(8.0, within(0.001));
    }

    @Test
    void emptyFileHasSizeZero() throws Exception {
        Map<String, Object> details = engine.scan(Files.createFile(dir.resolve("empty"))).details();

        assertThat(details).containsEntry("size", 0L).containsEntry("entropy", 0.0)
                .containsEntry("md5", "d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void peFileGetsTikaTypeButNoPeStructure() throws Exception {
        Map<String, Object> pe32 = engine.scan(Files.write(dir.resolve("tiny.exe"), TinyPe.pe32())).details();
        Map<String, Object> pe64 = engine.scan(Files.write(dir.resolve("tiny64.exe"), TinyPe.pe32Plus())).details();

        assertThat(pe32).containsEntry("mimeType", "application/x-msdownload; format=pe32")
                .containsEntry("size", (long) TinyPe.FILE_SIZE).doesNotContainKeys("pe", "elf", "format");
        assertThat(pe64).containsEntry("mimeType", "application/x-msdownload; format=pe64")
                .doesNotContainKeys("pe", "elf", "format");
    }

    @Test
    void elfFileGetsTikaTypeButNoElfStructure() throws Exception {
        Map<String, Object> details = engine.scan(Path.of("/bin/ls")).details();

        assertThat((String) details.get("mimeType")).isIn("application/x-sharedlib", "application/x-executable");
        assertThat(details).containsKeys("sha256", "entropy").doesNotContainKeys("pe", "elf", "format");
    }

    @Test
    void zipFileGetsTikaTypeAndDescription() throws Exception {
        Path zip = dir.resolve("two.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            for (String name : new String[] {"a.txt", "b.txt"}) {
                entries.putNextEntry(new ZipEntry(name));
                entries.write(("file " + name).getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
        }

        assertThat(engine.scan(zip).details()).containsEntry("mimeType", "application/zip")
                .containsEntry("mimeDescription", "Compressed Archive File");
    }

    @Test
    void interruptedScanStopsWithInterruptedException() throws Exception {
        Path big = Files.write(dir.resolve("big.bin"), new byte[8 << 20]);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> engine.scan(big)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
