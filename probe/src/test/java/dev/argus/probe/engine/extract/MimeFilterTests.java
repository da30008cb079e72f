package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.probe.engine.metadata.MimeDetector;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** The engine's mime filter takes every container type as Tika detects it from real samples, and nothing else. */
class MimeFilterTests extends ExtractTestSupport {

    private final MimeDetector mime = new MimeDetector();

    @Test
    void matchesTheTypesTikaDetectsForEverySupportedFormat() throws Exception {
        write("a.txt", "hello");
        run("zip", "-q", "plain.zip", "a.txt");
        run("zip", "-q", "-P", "x", "enc.zip", "a.txt");
        run("7z", "a", "-bd", "-y", "a.7z", "a.txt");
        run("7z", "a", "-bd", "-y", "-px", "-mhe=on", "enc.7z", "a.txt");
        run("tar", "--format=gnu", "-cf", "gnu.tar", "a.txt");
        run("tar", "--format=ustar", "-cf", "ustar.tar", "a.txt");
        for (String name : List.of("a.gz", "a.bz2", "a.xz")) {
            Path file = dir.resolve(name);
            try (OutputStream out = compressor(name, file)) {
                out.write("hello".getBytes());
            }
        }
        Files.write(dir.resolve("a.rar"), Rar4Fixture.archive().add("a.txt", "hello".getBytes()).bytes());
        Files.write(dir.resolve("v5.rar"), new byte[] {0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00});
        Pattern filter = Pattern.compile(engine().mimeTypes(), Pattern.CASE_INSENSITIVE);

        for (String name : List.of("plain.zip", "enc.zip", "a.7z", "enc.7z", "gnu.tar", "ustar.tar", "a.gz", "a.bz2",
                "a.xz", "a.rar", "v5.rar")) {
            String type = mime.detect(dir.resolve(name)).mimeType();
            assertThat(filter.matcher(type).find()).as("%s detected as %s", name, type).isTrue();
            assertThat(ContainerFormat.of(type)).as(type).isPresent();
        }
        for (String other : List.of("text/plain", "application/octet-stream", "application/x-msdownload",
                "application/zip-like", "application/pdf")) {
            assertThat(filter.matcher(other).find()).as(other).isFalse();
        }
    }

    private static OutputStream compressor(String name, Path file) throws Exception {
        OutputStream out = Files.newOutputStream(file);
        return switch (name.substring(name.indexOf('.'))) {
            case ".gz" -> new GzipCompressorOutputStream(out);
            case ".bz2" -> new BZip2CompressorOutputStream(out);
            default -> new XZCompressorOutputStream(out);
        };
    }
}
