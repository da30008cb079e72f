package dev.argus.probe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoryTests {

    @TempDir
    Path root;

    @Test
    void removesFilesLeftByAProbeKilledMidJob() throws IOException {
        Path dead = Files.createDirectories(root.resolve("host-deadbeef"));
        Files.writeString(dead.resolve(".lock"), "");
        Path leftover = Files.writeString(dead.resolve("argus-123.bin"), "half a scan");
        Path noLock = Files.createDirectories(root.resolve("host-0000"));
        Files.writeString(noLock.resolve("argus-456.bin"), "older leftover");

        try (WorkDirectory work = WorkDirectory.open(root, "host-cafe")) {
            assertThat(leftover).doesNotExist();
            assertThat(dead).doesNotExist();
            assertThat(noLock).doesNotExist();
            assertThat(work.path()).isEqualTo(root.resolve("host-cafe")).isDirectory();
        }
    }

    @Test
    void leavesTheDirectoryOfAProbeStillRunning() throws IOException {
        try (WorkDirectory running = WorkDirectory.open(root, "host-1111")) {
            Path inFlight = Files.writeString(running.path().resolve("argus-789.bin"), "being scanned");

            try (WorkDirectory starting = WorkDirectory.open(root, "host-2222")) {
                assertThat(inFlight).exists();
                assertThat(starting.path()).isDirectory();
            }
        }
    }

    @Test
    void removesItsOwnDirectoryOnClose() {
        WorkDirectory work = WorkDirectory.open(root, "host-3333");

        work.close();

        assertThat(work.path()).doesNotExist();
    }

    @Test
    void removesDownloadCopiesLeftInTheRootAndKeepsOtherFiles() throws IOException {
        Path copy = Files.writeString(root.resolve("argus-4242.bin"), "a download copy");
        Path other = Files.writeString(root.resolve("README"), "not ours to remove");

        try (WorkDirectory work = WorkDirectory.open(root, "host-4444")) {
            assertThat(copy).doesNotExist();
            assertThat(other).exists();
        }
    }

    @Test
    void theRootAndItsOwnDirectoryAreOwnerOnly() throws IOException {
        Path fresh = root.resolve("probe-work");
        try (WorkDirectory work = WorkDirectory.open(fresh, "host-5555")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.path())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aWorldWritableRootOfOursIsNarrowedAndOneOfAnotherAccountRefused() throws IOException {
        Path shared = Files.createDirectory(root.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        WorkDirectory.open(shared, "host-6666").close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwx------");

        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "changing an owner needs root");
        Path theirs = Files.createDirectory(root.resolve("theirs"));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThatThrownBy(() -> WorkDirectory.open(theirs, "host-7777"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("belongs to nobody");
    }
}
