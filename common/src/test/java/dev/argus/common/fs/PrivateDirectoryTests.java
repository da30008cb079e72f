package dev.argus.common.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoryTests {

    @TempDir
    Path temp;

    @Test
    void createsTheDirectoryAndItsParentsOwnerOnly() throws Exception {
        Path directory = PrivateDirectory.prepare(temp.resolve("a/b/work"), "the work directory");
        assertThat(directory).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void narrowsAWorldWritableDirectoryOfOurs() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("spool"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrivateDirectory.prepare(directory, "the spool directory");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void refusesADirectoryOfAnotherAccount() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("theirs"));
        UserPrincipal nobody = directory.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("nobody");
        // changing the owner needs root, as the tests run here; elsewhere the check cannot be staged
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")));
        Files.setOwner(directory, nobody);
        assertThatThrownBy(() -> PrivateDirectory.prepare(directory, "the work directory"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to nobody")
                .hasMessageContaining("the work directory");
    }

    @Test
    void refusesASymbolicLinkInPlaceOfTheDirectory() throws Exception {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(temp.resolve("work"), elsewhere);
        assertThatThrownBy(() -> PrivateDirectory.prepare(link, "the work directory"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("symbolic link");
    }
}
