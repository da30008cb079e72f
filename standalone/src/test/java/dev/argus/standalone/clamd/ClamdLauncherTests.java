package dev.argus.standalone.clamd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClamdLauncherTests {

    @TempDir
    Path temp;

    @Test
    void findsAnExecutableClamdOnThePath() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path clamd = Files.createFile(bin.resolve("clamd"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(ClamdLauncher.findBinary(temp.resolve("empty") + ":" + bin)).contains(clamd);
    }

    @Test
    void ignoresAClamdFileThatIsNotExecutable() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.createFile(bin.resolve("clamd"));
        assertThat(ClamdLauncher.findBinary(bin.toString()).map(Path::getParent))
                .isNotEqualTo(java.util.Optional.of(bin));
    }
}
