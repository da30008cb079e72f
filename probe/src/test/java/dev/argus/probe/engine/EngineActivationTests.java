package dev.argus.probe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.probe.FakeEngine;
import dev.argus.probe.spi.EngineDependency.BinaryOnPath;
import dev.argus.probe.spi.EngineDependency.FilePresent;
import dev.argus.probe.spi.EngineDependency.SocketReachable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class EngineActivationTests {

    @TempDir
    Path dir;

    @Test
    void skipsEngineWhoseSocketIsUnreachableWithOneWarningNamingIt(CapturedOutput output) throws IOException {
        int closedPort = closedPort();
        FakeEngine clamav = new FakeEngine("clamav")
                .needing(new SocketReachable("127.0.0.1", closedPort, Duration.ofSeconds(1)));
        FakeEngine metadata = new FakeEngine("metadata");

        ActiveEngines active = activation(List.of(clamav, metadata), "").activate(List.of());

        assertThat(active.names()).containsExactly("metadata");
        List<String> warnings = output.getAll().lines().filter(line -> line.contains("skipped")).toList();
        assertThat(warnings).singleElement().asString()
                .contains("WARN", "engine 'clamav'", "socket 127.0.0.1:" + closedPort + " is not reachable");
    }

    @Test
    void keepsEngineWhoseDependenciesArePresent() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            Path rules = Files.writeString(dir.resolve("rules.yar"), "rule r { condition: true }");
            Path bin = Files.createDirectory(dir.resolve("bin"));
            Path yara = Files.writeString(bin.resolve("yara"), "#!/bin/sh\n");
            yara.toFile().setExecutable(true);
            FakeEngine engine = new FakeEngine("yara").needing(new BinaryOnPath("yara"), new FilePresent(rules),
                    new SocketReachable("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(1)));

            assertThat(activation(List.of(engine), bin.toString()).activate(List.of()).names())
                    .containsExactly("yara");
        }
    }

    @Test
    void skipsEngineWhoseBinaryIsNotOnPath(CapturedOutput output) {
        FakeEngine yara = new FakeEngine("yara").needing(new BinaryOnPath("yara-not-installed"));

        ActiveEngines active = activation(List.of(yara, new FakeEngine("metadata")), dir.toString())
                .activate(List.of());

        assertThat(active.names()).containsExactly("metadata");
        assertThat(output.getAll()).contains("engine 'yara' (Fake yara) skipped: missing dependency: binary"
                + " 'yara-not-installed' on PATH not found");
    }

    @Test
    void skipsEngineWhoseProgramGivenByPathIsMissing(CapturedOutput output) {
        Path savscan = dir.resolve("opt/sophos-av/bin/savscan");
        FakeEngine sophos = new FakeEngine("sophos").needing(new BinaryOnPath(savscan.toString()));

        ActiveEngines active = activation(List.of(sophos, new FakeEngine("metadata")), "").activate(List.of());

        assertThat(active.names()).containsExactly("metadata");
        assertThat(output.getAll()).contains("engine 'sophos' (Fake sophos) skipped: missing dependency: program "
                + savscan + " is missing or not executable");
    }

    @Test
    void skipsEngineWhoseFileIsMissing(CapturedOutput output) {
        FakeEngine yara = new FakeEngine("yara").needing(new FilePresent(dir.resolve("rules.yar")));

        activation(List.of(yara, new FakeEngine("metadata")), "").activate(List.of());

        assertThat(output.getAll()).contains("engine 'yara' (Fake yara) skipped: missing dependency: file "
                + dir.resolve("rules.yar") + " is missing or unreadable");
    }

    @Test
    void skipsEngineWhoseVerifyFails(CapturedOutput output) {
        FakeEngine clamav = new FakeEngine("clamav").failingVerify("clamd did not answer PING");

        ActiveEngines active = activation(List.of(clamav, new FakeEngine("metadata")), "").activate(List.of());

        assertThat(active.names()).containsExactly("metadata");
        assertThat(output.getAll()).contains("engine 'clamav' (Fake clamav) skipped: verify() failed: clamd did not"
                + " answer PING");
    }

    @Test
    void checksOnlyTheSelectedEngines() {
        FakeEngine broken = new FakeEngine("broken").failingVerify("down");

        assertThat(activation(List.of(broken, new FakeEngine("clamav")), "").activate(List.of("clamav")).names())
                .containsExactly("clamav");
    }

    @Test
    void failsToStartWithASentenceWhenNoEngineRemains() {
        FakeEngine clamav = new FakeEngine("clamav").failingVerify("clamd did not answer PING");

        assertThatThrownBy(() -> activation(List.of(clamav, new FakeEngine("yara")), "").activate(List.of("clamav")))
                .isInstanceOf(ProbeStartupException.class)
                .hasMessage("No engine can run in this probe: every selected engine was skipped (clamav: verify()"
                        + " failed: clamd did not answer PING).")
                .extracting(e -> ((ProbeStartupException) e).action()).asString()
                .contains("argus.probe.engines", "clamav, yara");
    }

    private static EngineActivation activation(List<FakeEngine> engines, String path) {
        return new EngineActivation(new EngineRegistry(engines), new DependencyChecker(path));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
