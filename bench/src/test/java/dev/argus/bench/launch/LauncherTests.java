package dev.argus.bench.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build to start is found in a repository's module targets or, else, as jars side by side. */
class LauncherTests {

    @Test
    void findsAJarInItsModulesTargetOrBesideTheOthers(@TempDir Path builds) throws Exception {
        Path worktree = builds.resolve("worktree");
        Files.createDirectories(worktree.resolve("probe/target"));
        Files.writeString(worktree.resolve("probe/target/argus-probe.jar"), "jar");
        Path flat = builds.resolve("flat");

        assertThat(Launcher.jar(worktree, "probe")).isEqualTo(worktree.resolve("probe/target/argus-probe.jar"));
        assertThat(Launcher.jar(flat, "probe")).isEqualTo(flat.resolve("argus-probe.jar"));
    }
}
