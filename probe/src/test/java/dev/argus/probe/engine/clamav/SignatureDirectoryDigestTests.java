package dev.argus.probe.engine.clamav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureDirectoryDigestTests {

    @TempDir
    Path db;

    @Test
    void digestsSignatureFilesAsLocalAndTwelveHexDigits() throws IOException {
        Files.writeString(db.resolve("argus-test.hdb"), "44d88612fea8a8f36de82e1278abb02f:68:Eicar\n");

        assertThat(SignatureDirectoryDigest.of(db)).matches("local:[0-9a-f]{12}");
    }

    @Test
    void changesWhenASignatureFileChanges() throws IOException {
        Path hdb = Files.writeString(db.resolve("argus-test.hdb"), "a:1:A\n");
        Files.setLastModifiedTime(hdb, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        String before = SignatureDirectoryDigest.of(db);

        Files.writeString(hdb, "a:1:A\nb:2:B\n");
        Files.setLastModifiedTime(hdb, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));

        assertThat(SignatureDirectoryDigest.of(db)).isNotEqualTo(before);
    }

    @Test
    void changesWhenASignatureFileIsAddedButNotForOtherFiles() throws IOException {
        Files.writeString(db.resolve("argus-test.hdb"), "a:1:A\n");
        String before = SignatureDirectoryDigest.of(db);

        Files.writeString(db.resolve("clamd.log"), "noise");
        Files.writeString(db.resolve("freshclam.dat"), "noise");
        assertThat(SignatureDirectoryDigest.of(db)).isEqualTo(before);

        Files.writeString(db.resolve("rules.yar"), "rule r { condition: true }");
        assertThat(SignatureDirectoryDigest.of(db)).isNotEqualTo(before);
    }

    @Test
    void isNullWithoutSignatureFiles() throws IOException {
        assertThat(SignatureDirectoryDigest.of(db)).isNull();
        assertThat(SignatureDirectoryDigest.of(db.resolve("missing"))).isNull();
        assertThat(SignatureDirectoryDigest.of(null)).isNull();
        Files.writeString(db.resolve("readme.txt"), "no signatures");
        assertThat(SignatureDirectoryDigest.of(db)).isNull();
    }
}
