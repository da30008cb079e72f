package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extraction temp directory: owner-only, and refused when it belongs to another account. */
class ExtractWorkDirectoryTests {

    @TempDir
    Path temp;

    @Test
    void aWorldWritableBaseOfOursIsNarrowedToOwnerOnly() throws Exception {
        Path base = Files.createDirectory(temp.resolve("argus-extract"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (WorkDirectory job = WorkDirectory.create(base)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(base))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(job.path())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aBaseOfAnotherAccountIsRefused() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "changing an owner needs root");
        Path base = Files.createDirectory(temp.resolve("theirs"));
        Files.setOwner(base, base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThatThrownBy(() -> WorkDirectory.create(base))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("argus.probe.extract.work-dir").hasMessageContaining("belongs to nobody");
        assertThat(base).isEmptyDirectory();
    }
}
