package dev.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineTests {

    @TempDir
    Path root;

    @Test
    void movesWithoutOverwritingUnderUniqueOwnerOnlyNames() throws Exception {
        Quarantine quarantine = new Quarantine(root.resolve("q"));
        Path first = write("a/eicar.com", "one");
        Path second = write("b/eicar.com", "two");

        Path firstTarget = quarantine.admit(first, sha("one"));
        Path secondTarget = quarantine.admit(second, sha("two"));

        assertThat(firstTarget.getFileName()).hasToString("eicar.com");
        assertThat(secondTarget.getFileName()).hasToString("eicar.com.1");
        assertThat(Files.readString(firstTarget)).isEqualTo("one");
        assertThat(Files.readString(secondTarget)).isEqualTo("two");
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secondTarget))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine.directory())))
                .isEqualTo("rwx------");
    }

    @Test
    void neverMovesASymbolicLinkNorAFileThatChangedSinceTheScan() throws Exception {
        Quarantine quarantine = new Quarantine(root.resolve("q"));
        Path target = write("target.txt", "bad");
        Path link = Files.createSymbolicLink(root.resolve("link"), target);
        Path changed = write("changed.txt", "now different");

        assertThatThrownBy(() -> quarantine.admit(link, sha("bad"))).hasMessageContaining("no longer a regular file");
        assertThatThrownBy(() -> quarantine.admit(changed, sha("bad"))).hasMessageContaining("content changed");
        assertThat(target).exists();
        assertThat(changed).exists();
        try (var listing = Files.list(quarantine.directory())) {
            assertThat(listing).isEmpty();
        }
    }

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String sha(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
