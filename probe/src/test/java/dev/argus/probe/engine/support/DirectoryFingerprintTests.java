package dev.argus.probe.engine.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFingerprintTests {

    private static final Predicate<Path> RULES = path -> path.toString().endsWith(".yar");

    @TempDir
    Path dir;

    @Test
    void staysEqualWhileNothingChanges() throws IOException {
        Files.writeString(dir.resolve("a.yar"), "rule a { condition: true }");

        assertThat(DirectoryFingerprint.of(dir, RULES)).isEqualTo(DirectoryFingerprint.of(dir, RULES));
    }

    @Test
    void changesWhenAFileIsRewrittenWithTheSameSize() throws IOException {
        Path rule = Files.writeString(dir.resolve("a.yar"), "rule a { condition: true }");
        Files.setLastModifiedTime(rule, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        DirectoryFingerprint before = DirectoryFingerprint.of(dir, RULES);

        Files.writeString(rule, "rule b { condition: true }");
        Files.setLastModifiedTime(rule, FileTime.from(Instant.parse("2026-01-01T00:00:01Z")));

        assertThat(DirectoryFingerprint.of(dir, RULES)).isNotEqualTo(before);
    }

    @Test
    void changesWhenAFileIsAddedOrRemovedButNotForFilesTheFilterRejects() throws IOException {
        Files.writeString(dir.resolve("a.yar"), "rule a { condition: true }");
        DirectoryFingerprint before = DirectoryFingerprint.of(dir, RULES);

        Files.writeString(dir.resolve("notes.txt"), "not a rule");
        Files.createDirectory(dir.resolve("sub.yar"));
        assertThat(DirectoryFingerprint.of(dir, RULES)).isEqualTo(before);

        Path added = Files.writeString(dir.resolve("b.yar"), "rule b { condition: true }");
        DirectoryFingerprint withB = DirectoryFingerprint.of(dir, RULES);
        assertThat(withB).isNotEqualTo(before);
        assertThat(withB.paths()).extracting(path -> path.getFileName().toString()).containsExactly("a.yar", "b.yar");

        Files.delete(added);
        assertThat(DirectoryFingerprint.of(dir, RULES)).isEqualTo(before);
    }

    @Test
    void failsForAMissingDirectory() {
        assertThatThrownBy(() -> DirectoryFingerprint.of(dir.resolve("missing"), RULES))
                .isInstanceOf(NoSuchFileException.class);
    }
}
