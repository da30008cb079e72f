package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.probe.spi.ScanContext;
import dev.argus.probe.spi.ScanOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quine-like archives: content met again (the scanned file's, an ancestor's) is never opened twice, never loops. */
@Timeout(30)
class RepeatedContentTests extends ExtractTestSupport {

    @Test
    void aMemberEqualToTheScannedFileIsNeitherListedNorOpened() throws Exception {
        Path a = zip("a.zip", "x.txt", "inside a");
        Path b = zip("b.zip", "a.zip", a, "y.txt", "inside b");

        // b.zip scanned as if its sha256 were a.zip's: its member a.zip is then "the scanned file itself"
        ScanOutcome outcome = engine().scan(b, new ScanContext(UUID.randomUUID(), sha256(a), List.of()));

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(outcome.extracted().root().members()).isEqualTo(2);
        assertThat(outcome.extracted().files()).extracting(ExtractedFile::path).containsExactly("y.txt");
    }

    @Test
    void aMemberEqualToAnAncestorIsNotOpenedAgain() throws Exception {
        Path a = zip("a.zip", "x.txt", "inside a");
        Path b = zip("b.zip", "a.zip", a);
        // c holds b (which holds a) and a again, at two depths
        Path c = zip("c.zip", "b.zip", b, "again/a.zip", a, "b-copy.zip", b);

        ScanOutcome outcome = scan(engine(), c);

        List<ExtractedFile> files = outcome.extracted().files();
        assertThat(files).extracting(ExtractedFile::path).containsExactly("b.zip", "a.zip", "x.txt");
        assertThat(files).extracting(ExtractedFile::depth).containsExactly(1, 2, 3);
        assertThat(outcome.extracted().root().members()).isEqualTo(3);
        assertThat(store.stored()).hasSize(3);
    }

    @Test
    void aGzipOfAGzipOfTheSameContentTerminates() throws Exception {
        Path inner = dir.resolve("same.gz");
        try (var out = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(
                Files.newOutputStream(inner))) {
            out.write("payload".getBytes());
        }
        Path outer = zip("outer.zip", "one.gz", inner, "two.gz", inner, "nested/three.gz", inner);

        ScanOutcome outcome = scan(engine(), outer);

        assertThat(outcome.extracted().files()).extracting(ExtractedFile::path).containsExactly("one.gz", "one");
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
    }
}
