package dev.argus.probe.engine.clamav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.message.Category;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Against the real clamd on 127.0.0.1:3310 loaded with the project's test signatures. */
class ClamavEngineIntegrationTests {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final Path TEST_DATABASE = Path.of("/var/lib/argus-ci/clamav/db");

    @TempDir
    Path dir;

    private final ClamavEngine engine = new ClamavEngine(properties(3310, DataSize.ofKilobytes(256)));

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void answersPing() {
        assertThatCode(engine::verify).doesNotThrowAnyException();
    }

    @Test
    void detectsEicarAsMaliciousNamingTheSignature() throws Exception {
        Path eicar = Files.writeString(dir.resolve("eicar.com"), EICAR, StandardCharsets.US_ASCII);
        engine.refreshVersions();

        ScanOutcome outcome = engine.scan(eicar);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).contains("Eicar");
        assertThat(outcome.details().get("viruses")).asInstanceOf(InstanceOfAssertFactories.LIST).contains(outcome.threat());
        assertThat(outcome.versions().engineVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(outcome.versions().signatureVersion()).isNotNull();
    }

    @Test
    void findsEicarInsideAFileSentInManyChunks() throws Exception {
        ClamavEngine smallChunks = new ClamavEngine(properties(3310, DataSize.ofKilobytes(4)));
        byte[] content = new byte[3 * 1024 * 1024];
        Arrays.fill(content, (byte) 'A');
        byte[] eicar = EICAR.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(eicar, 0, content, 1024 * 1024 + 4090, eicar.length);
        Path file = Files.write(dir.resolve("padded.bin"), content);

        try {
            assertThat(smallChunks.scan(file).category()).isEqualTo(Category.MALICIOUS);
        } finally {
            smallChunks.close();
        }
    }

    @Test
    void cleanFileIsUndetected() throws Exception {
        Path clean = Files.writeString(dir.resolve("hello.txt"), "hello, clamd\n");

        ScanOutcome outcome = engine.scan(clean);

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
    }

    @Test
    void emptyFileIsUndetected() throws Exception {
        assertThat(engine.scan(Files.createFile(dir.resolve("empty"))).category()).isEqualTo(Category.UNDETECTED);
    }

    @Test
    void reportsEngineVersionAndADigestOfTheSignatureDirectory() throws EngineException {
        EngineVersions versions = engine.refreshVersions();

        assertThat(versions.engineVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        // this clamd has custom signatures only, so VERSION has no database version: the directory digest stands in
        assertThat(versions.signatureVersion()).matches("local:[0-9a-f]{12}|\\d+");
        assertThat(engine.versions()).isEqualTo(versions);
    }

    @Test
    void unreachableClamdFailsVerifyAndScanRetryably() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClamavEngine down = new ClamavEngine(properties(closedPort, DataSize.ofKilobytes(256)));
        Path clean = Files.writeString(dir.resolve("hello.txt"), "hello");

        try {
            assertThatThrownBy(down::verify).isInstanceOf(EngineException.class)
                    .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageContaining("PING");
            assertThatThrownBy(() -> down.scan(clean)).isInstanceOf(EngineException.class)
                    .isNotInstanceOf(TerminalEngineException.class);
            assertThat(down.dependencies()).extracting(Object::toString).singleElement().asString()
                    .contains(String.valueOf(closedPort));
        } finally {
            down.close();
        }
    }

    private ClamavProperties properties(int port, DataSize chunk) {
        return new ClamavProperties("127.0.0.1", port, Duration.ofSeconds(5), Duration.ofSeconds(30), chunk,
                TEST_DATABASE);
    }
}
