package dev.argus.probe.engine.icap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.message.Category;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Against the real c-icap on 127.0.0.1:1344 (started by .ci/services.sh): its virus_scan service, used through the
 * {@code avscan} alias ("simple" mode) unless said otherwise, scans through the local clamd, which knows only the
 * project's test signatures.
 */
class IcapEngineIntegrationTests {

    private static final int CICAP = 1344;

    @TempDir
    Path dir;

    @Test
    void verifyPassesIncludingTheEicarSelfTest() {
        assertThatCode(() -> engine(settings(CICAP, "avscan", true, true, true)).verify())
                .doesNotThrowAnyException();
    }

    @Test
    void detectsEicarAsMaliciousNamingTheSignatureWithVersions() throws Exception {
        IcapEngine engine = engine(settings(CICAP, "avscan", true, true, false));
        engine.refreshVersions();
        Path eicar = Files.writeString(dir.resolve("eicar.com"), IcapFixtures.EICAR, StandardCharsets.US_ASCII);

        ScanOutcome outcome = engine.scan(eicar);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).contains("Eicar");
        assertThat(outcome.details()).containsEntry("icapStatus", 200).containsEntry("httpStatus", 403);
        assertThat(outcome.versions().engineVersion()).matches("C-ICAP/\\d+\\.\\d+\\.\\d+");
        assertThat(outcome.versions().signatureVersion()).isNotBlank().isEqualTo(engine.versions().signatureVersion());
    }

    @Test
    void findsEicarAfterThePreviewInAFileSentInManyChunks() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024];
        Arrays.fill(content, (byte) 'A');
        byte[] eicar = IcapFixtures.EICAR.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(eicar, 0, content, 2 * 1024 * 1024 + 4090, eicar.length);
        Path file = Files.write(dir.resolve("padded.txt"), content);

        ScanOutcome outcome = engine(settings(CICAP, "avscan", true, true, false)).scan(file);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).contains("Eicar");
    }

    @Test
    void aLargeInfectedFileIsMaliciousEvenWhenThePlainServiceCutsItShortWithoutNamingTheThreat() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024];
        Arrays.fill(content, (byte) 'A');
        byte[] eicar = IcapFixtures.EICAR.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(eicar, 0, content, 2 * 1024 * 1024 + 4090, eicar.length);
        Path file = Files.write(dir.resolve("padded.txt"), content);

        // virus_scan outside "simple" mode may send its answer's head before the scan ends; it then truncates the body
        ScanOutcome outcome = engine(settings(CICAP, "virus_scan", true, true, false)).scan(file);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
    }

    @Test
    void findsEicarWithoutPreview() throws Exception {
        Path eicar = Files.writeString(dir.resolve("eicar.com"), IcapFixtures.EICAR, StandardCharsets.US_ASCII);

        assertThat(engine(settings(CICAP, "avscan", false, true, false)).scan(eicar).threat()).contains("Eicar");
    }

    @Test
    void cleanFilesWithinAndBeyondThePreviewAreUndetected() throws Exception {
        IcapEngine engine = engine(settings(CICAP, "avscan", true, true, false));
        Path small = Files.writeString(dir.resolve("hello.txt"), "hello, c-icap\n");
        Path large = Files.write(dir.resolve("large.bin"), new byte[2 * 1024 * 1024 + 17]);
        Path empty = Files.createFile(dir.resolve("empty"));

        assertThat(engine.scan(small).category()).isEqualTo(Category.UNDETECTED);
        assertThat(engine.scan(small).details()).containsEntry("icapStatus", 204);
        assertThat(engine.scan(large).category()).isEqualTo(Category.UNDETECTED);
        assertThat(engine.scan(empty).category()).isEqualTo(Category.UNDETECTED);
    }

    @Test
    void withoutAllow204TheServerEchoesACleanFileWhichIsUndetected() throws Exception {
        byte[] content = "some clean text, long enough to pass the preview. ".repeat(100).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("clean.txt"), content);

        ScanOutcome outcome = engine(settings(CICAP, "avscan", true, false, false)).scan(file);

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.details()).containsEntry("icapStatus", 200).containsEntry("unmodified", true);
    }

    @Test
    void reportsTheServiceProductAsEngineVersionAndTheIstagAsSignatureVersion() throws EngineException {
        IcapEngine engine = engine(settings(CICAP, "/srv_clamav", true, true, false));

        EngineVersions versions = engine.refreshVersions();

        assertThat(versions.engineVersion()).startsWith("C-ICAP/");
        assertThat(versions.signatureVersion()).startsWith("CI0001-").doesNotContain("\"");
        assertThat(engine.versions()).isEqualTo(versions);
    }

    @Test
    void anUnknownServiceFailsVerify() throws Exception {
        IcapEngine engine = engine(settings(CICAP, "no_such_service", true, true, false));

        assertThatThrownBy(engine::verify).isInstanceOf(EngineException.class)
                .hasMessageContaining("answered OPTIONS with 404");
    }

    @Test
    void aStoppedServerFailsVerifyAndScansRetryably() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IcapEngine down = engine(settings(closedPort, "avscan", true, true, true));
        Path clean = Files.writeString(dir.resolve("hello.txt"), "hello");

        assertThatThrownBy(down::verify).isInstanceOf(EngineException.class)
                .hasMessageContaining("icap://127.0.0.1:" + closedPort + "/avscan did not answer OPTIONS");
        assertThatThrownBy(() -> down.scan(clean)).isInstanceOf(EngineException.class)
                .isNotInstanceOf(TerminalEngineException.class);
        assertThat(down.dependencies()).extracting(Object::toString).singleElement().asString()
                .contains(String.valueOf(closedPort));
    }

    private static IcapEngine engine(IcapProperties properties) {
        return new IcapEngine(properties);
    }

    private static IcapProperties settings(int port, String service, boolean preview, boolean allow204,
                                           boolean selfTest) {
        return new IcapProperties("127.0.0.1", port, service, "c-icap (ClamAV)", Duration.ofSeconds(5),
                Duration.ofSeconds(30), preview, null, allow204, DataSize.ofKilobytes(64), selfTest,
                List.of("X-Virus-ID", "X-Virus-Name"));
    }
}
