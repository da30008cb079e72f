package dev.argus.frontend.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.frontend.UploadProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The upload spool directory ({@code argus.upload.temp-dir}): owner-only, never another account's. */
class UploadTempDirectoryTests {

    @TempDir
    Path temp;

    @Test
    void isCreatedOwnerOnlyAndAWorldWritableOneOfOursIsNarrowed() throws Exception {
        Path fresh = temp.resolve("uploads");
        reader(fresh);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");

        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        reader(open);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
    }

    @Test
    void oneOfAnotherAccountIsRefusedAtStart() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "changing an owner needs root");
        Path theirs = Files.createDirectory(temp.resolve("theirs"));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThatThrownBy(() -> reader(theirs))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("argus.upload.temp-dir").hasMessageContaining("belongs to nobody");
    }

    private static MultipartUploadReader reader(Path directory) {
        return new MultipartUploadReader(new UploadProperties(DataSize.ofMegabytes(1), 10, directory, null,
                DataSize.ofBytes(0), Duration.ofMinutes(10), DataSize.ofKilobytes(1), 10_000),
                new MimeTypeDetector());
    }
}
