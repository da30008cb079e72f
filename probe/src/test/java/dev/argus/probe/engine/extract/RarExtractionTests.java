package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.probe.engine.metadata.MimeDetector;
import dev.argus.probe.spi.ScanOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** rar through libarchive's bsdtar: RAR 4 archives written by {@link Rar4Fixture}. */
class RarExtractionTests extends ExtractTestSupport {

    @Test
    void readsAStoredRar4ThroughBsdtar() throws Exception {
        byte[] inner = Files.readAllBytes(zip("inner.zip", "eicar.com", EICAR));
        Path root = Files.write(dir.resolve("a.rar"), Rar4Fixture.archive()
                .add("docs/readme.txt", "hello from rar\n".getBytes(StandardCharsets.UTF_8))
                .add("../../escape.txt", "slip".getBytes(StandardCharsets.UTF_8))
                .add("inner.zip", inner)
                .bytes());
        assertThat(new MimeDetector().detect(root).mimeType()).startsWith("application/x-rar-compressed");

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(outcome.extracted().root().members()).isEqualTo(3);
        assertThat(outcome.extracted().files()).extracting(ExtractedFile::path)
                .containsExactly("docs/readme.txt", "../../escape.txt", "inner.zip", "eicar.com");
        ExtractedFile eicar = find(outcome.extracted().files(), "eicar.com");
        assertThat(eicar.depth()).isEqualTo(2);
        assertThat(eicar.sha256()).isEqualTo(sha256(EICAR.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(leftInWorkDir()).isEmpty();
    }

    @Test
    void anEncryptedRarIsEncryptedRarEncryptionBeingUnsupported() throws Exception {
        Path root = Files.write(dir.resolve("hp.rar"), Rar4Fixture.headersEncrypted());

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.category()).isEqualTo(Category.SUSPICIOUS);
        assertThat(outcome.threat()).isEqualTo("Argus.Extract.Encrypted");
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        assertThat(outcome.extracted().root().detail()).isEqualTo("rar encryption is not supported");
    }

    @Test
    void withoutBsdtarRarIsUnsupported() throws Exception {
        ExtractProperties d = ExtractProperties.defaults();
        ExtractEngine engine = engine(new ExtractProperties(d.maxDepth(), d.maxMembersPerContainer(), d.maxFiles(),
                d.maxTotalBytes(), d.maxMemberBytes(), d.maxRatio(), d.ratioFloor(), d.containerTimeout(),
                d.scanTimeout(), d.passwords(), "/nonexistent/bsdtar", null));
        engine.verify();
        Path root = Files.write(dir.resolve("a.rar"), Rar4Fixture.archive()
                .add("a.txt", "a".getBytes(StandardCharsets.UTF_8)).bytes());

        ScanOutcome outcome = scan(engine, root);

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(outcome.extracted().root().detail()).contains("bsdtar").contains("/nonexistent/bsdtar");
        assertThat(engine.refreshVersions().engineVersion()).endsWith("libarchive absent");
    }

    @Test
    void aDamagedRarFails() throws Exception {
        byte[] good = Rar4Fixture.archive().add("a.txt", "some content".getBytes(StandardCharsets.UTF_8)).bytes();
        Path root = Files.write(dir.resolve("bad.rar"), Arrays.copyOf(good, 30));

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(outcome.extracted().root().detail()).startsWith("damaged or malformed rar: bsdtar: ");
        assertThat(outcome.threat()).isEqualTo("Argus.Extract.Failed");
        assertThat(leftInWorkDir()).isEmpty();
    }

    @Test
    void bsdtarIsKilledWhenTheContainerIsOverItsTime() throws Exception {
        Path root = Files.write(dir.resolve("big.rar"), Rar4Fixture.archive().add("zeros.bin", new byte[8 << 20])
                .bytes());
        ExtractProperties d = ExtractProperties.defaults();
        ExtractEngine engine = engine(new ExtractProperties(d.maxDepth(), d.maxMembersPerContainer(), d.maxFiles(),
                d.maxTotalBytes(), d.maxMemberBytes(), d.maxRatio(), d.ratioFloor(), Duration.ofMillis(1),
                d.scanTimeout(), d.passwords(), d.bsdtarCommand(), null));

        ScanOutcome outcome = scan(engine, root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(outcome.extracted().root().detail()).isEqualTo("time per container over 1 ms");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("bsdtar"))).isEmpty());
        assertThat(leftInWorkDir()).isEmpty();
    }
}
