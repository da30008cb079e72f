package dev.argus.standalone.clamd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.clamav.ClamavEngine;
import dev.argus.probe.engine.clamav.ClamavProperties;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.standalone.FreePorts;
import dev.argus.standalone.StandaloneProperties;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Finding clamd with the real clamd binary: the machine's on TCP, one on a Unix socket only. */
class ClamdLauncherIntegrationTests {

    private static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    private final FreePorts ports = new FreePorts();
    private Process socketOnlyClamd;
    private ClamdEndpoint endpoint;

    @AfterEach
    void stop() throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
        if (socketOnlyClamd != null) {
            socketOnlyClamd.destroy();
            socketOnlyClamd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void usesTheClamdAnsweringOnTcp() {
        endpoint = ClamdLauncher.locate("127.0.0.1", 3310, settings(temp.resolve("none.sock")), temp.resolve("clamd"),
                ports);
        assertThat(endpoint.port()).isEqualTo(3310);
        assertThat(endpoint.started()).isFalse();
        assertThat(endpoint.ready()).isCompleted();
        assertThat(temp.resolve("clamd").resolve("clamd.conf")).as("no clamd of our own configured").doesNotExist();
        assertThat(temp.resolve("clamd").resolve("db"))
                .as("the signatures are still prepared, for the clamscan engine")
                .isDirectoryContaining(path -> path.getFileName().toString().endsWith(".hdb"));
    }

    @Test
    void relaysAClamdListeningOnlyOnAUnixSocketAndScansThroughIt() throws Exception {
        Path socket = startSocketOnlyClamd();

        endpoint = ClamdLauncher.locate("127.0.0.1", ports.next(), settings(socket), temp.resolve("clamd"), ports);
        assertThat(endpoint.description()).contains("relayed at 127.0.0.1:" + endpoint.port());
        assertThat(endpoint.started()).isFalse();

        Path eicar = Files.write(temp.resolve("eicar.com"), EICAR);
        ClamavEngine engine = new ClamavEngine(new ClamavProperties(endpoint.host(), endpoint.port(),
                Duration.ofSeconds(5), Duration.ofSeconds(30), DataSize.ofKilobytes(256), null));
        ScanOutcome outcome = engine.scan(eicar);
        engine.close();
        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).contains("Eicar");
    }

    private Path startSocketOnlyClamd() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("system-clamd"));
        SignatureDirectory.prepare(directory.resolve("db"), null);
        Path socket = directory.resolve("clamd.sock");
        Path config = Files.writeString(directory.resolve("clamd.conf"), String.join("\n",
                "DatabaseDirectory " + directory.resolve("db"), "LocalSocket " + socket, "Foreground yes",
                "TemporaryDirectory " + directory, ""));
        socketOnlyClamd = new ProcessBuilder(ClamdLauncher.findBinary(System.getenv("PATH")).orElseThrow().toString(),
                "--config-file=" + config).redirectErrorStream(true)
                .redirectOutput(directory.resolve("clamd.log").toFile()).start();
        await("clamd on its socket").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> ClamdPing.answers(UnixDomainSocketAddress.of(socket), Duration.ofSeconds(1)));
        return socket;
    }

    private static StandaloneProperties.Clamd settings(Path socket) {
        return new StandaloneProperties.Clamd(socket, null, Path.of("/nonexistent"), Duration.ofMinutes(1),
                Duration.ofSeconds(5));
    }
}
