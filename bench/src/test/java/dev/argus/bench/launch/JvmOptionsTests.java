package dev.argus.bench.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every process's JVM options file starts a JVM from the repository, the way scripts/run-local.sh and the benchmark
 * use it: a mistyped flag stops the JVM before it runs Argus.
 */
class JvmOptionsTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyOptionsFileStartsAJvmFromTheRepository() throws Exception {
        List<Path> files;
        try (Stream<Path> listed = Files.list(REPOSITORY.resolve("scripts/jvm"))) {
            files = listed.filter(file -> file.toString().endsWith(".options")).sorted().toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("brain.options", "frontend.options", "probe.options");
        for (Path file : files) {
            assertThat(javaVersionWith(file)).as(file.toString()).startsWith("exit 0");
        }
    }

    /** The probe's file ignores options an older JVM does not know: this JDK must know and take every one. */
    @Test
    void theProbesMemoryOptionsAreAllTakenByThisJdk() throws Exception {
        Path options = REPOSITORY.resolve("scripts/jvm/probe.options");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + options, "-XX:+PrintFlagsFinal", "-version").directory(REPOSITORY.toFile())
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (String line : Files.readAllLines(options)) {
            String option = line.strip();
            if (option.startsWith("-XX:") && !option.equals("-XX:+IgnoreUnrecognizedVMOptions")) {
                String name = option.substring(4).replaceFirst("^[+-]", "").replaceFirst("=.*", "");
                assertThat(output).as(option).containsPattern("\\s" + name + "\\s+=.*\\{command line}");
            }
        }
    }

    /** "exit N" and the JVM's output, for {@code java @options -version} run in the repository. */
    private static String javaVersionWith(Path options) throws IOException, InterruptedException {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + options, "-version").directory(REPOSITORY.toFile()).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return "exit " + java.exitValue() + "\n" + output;
    }
}
