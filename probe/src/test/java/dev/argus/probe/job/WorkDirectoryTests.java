package dev.argus.probe.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
