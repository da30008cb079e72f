package dev.argus.probe.engine.configfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathDigestTests {

    @TempDir
    Path dir;

    @Test
    void changesWhenASignatureFileIsAddedOrRewrittenButNotOtherwise() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("engine/v2"));
        Path main = Files.writeString(nested.resolve("main.db"), "signatures");
        String first = PathDigest.of(dir);

        assertThat(first).matches("local:[0-9a-f]{12}");
        assertThat(PathDigest.of(dir)).isEqualTo(first);

        Files.setLastModifiedTime(main, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        String touched = PathDigest.of(dir);
        assertThat(touched).isNotEqualTo(first);

        Files.writeString(dir.resolve("daily.db"), "more");
        assertThat(PathDigest.of(dir)).isNotEqualTo(touched);
    }

    @Test
    void digestsASingleFileAndIsNullWithoutFiles() throws IOException {
        assertThat(PathDigest.of(Files.writeString(dir.resolve("bases.cav"), "x"))).startsWith("local:");
        assertThat(PathDigest.of(Files.createDirectories(dir.resolve("empty")))).isNull();
        assertThat(PathDigest.of(dir.resolve("missing"))).isNull();
    }
}
