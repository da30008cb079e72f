package dev.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of whole command lines that need no server. */
class ArgusCliTests {

    @TempDir
    Path home;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anUnreachableServerIsExitCodeTwoWithOneLineOnStderrThatHidesTheKey() throws IOException {
        Path file = Files.writeString(home.resolve("a.txt"), "a");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }

        int code = run(Map.of("ARGUS_URL", "http://127.0.0.1:" + port, "ARGUS_API_KEY", "key-that-must-not-show"),
                "scan", "--wait", file.toString());

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(stderr().lines()).containsExactly("argus: cannot reach http://127.0.0.1:" + port
                + ": connection refused");
        assertThat(stderr() + stdout()).doesNotContain("key-that-must-not-show");
    }

    @Test
    void missingConfigurationIsExitCodeTwo() {
        assertThat(run(Map.of(), "probes")).isEqualTo(ExitCodes.ERROR);
        assertThat(stderr()).startsWith("argus: no server URL");
    }

    @Test
    void aSharedConfigFileWithAKeyIsRefusedWithTheReason() throws IOException {
        Path config = Files.writeString(home.resolve("cli.properties"), "url=http://127.0.0.1:1\napi-key=k\n");
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));

        assertThat(run(Map.of(), "probes", "--config", config.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(stderr()).contains("refusing config file").contains("chmod 600");
    }

    @Test
    void watchingAMissingDirectorySaysSo() {
        int code = run(Map.of("ARGUS_URL", "http://127.0.0.1:1", "ARGUS_API_KEY", "k"), "watch",
                home.resolve("nope").toString());

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(stderr().strip()).isEqualTo("argus: no such directory: " + home.resolve("nope"));
    }

    @Test
    void helpAndVersionForEveryCommand() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(stdout()).contains("scan", "report", "probes", "watch", "Exit codes");
        for (String command : new String[] {"scan", "report", "probes", "watch"}) {
            out.reset();
            assertThat(run(Map.of(), command, "--help")).as(command).isZero();
            assertThat(stdout()).as(command).startsWith("Usage: argus " + command);
        }
        out.reset();
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(stdout()).startsWith("argus ");
    }

    @Test
    void badUsageIsExitCodeTwo() {
        assertThat(run(Map.of(), "scan")).isEqualTo(ExitCodes.ERROR);
        assertThat(run(Map.of(), "scan", "--no-such-option", "x")).isEqualTo(ExitCodes.ERROR);
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(ExitCodes.ERROR);
    }

    private int run(Map<String, String> environment, String... arguments) {
        return ArgusCli.run(arguments, new ConfigResolver(environment, home),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
