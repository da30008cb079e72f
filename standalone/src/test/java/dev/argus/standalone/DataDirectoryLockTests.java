package dev.argus.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTests {

    @TempDir
    Path dataDir;

    @Test
    void refusesASecondArgusOnTheSameDataDirectoryNamingTheFirst() throws Exception {
        try (DataDirectoryLock first = DataDirectoryLock.acquire(dataDir)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                    .hasMessageContaining("in use by another Argus (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("--argus.standalone.data-dir");
        }
        try (DataDirectoryLock again = DataDirectoryLock.acquire(dataDir)) {
            assertThat(again).isNotNull();
        }
    }
}
