package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.argus.common.message.Category;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.spi.ScanOutcome;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** The engine on real archives made in the test: formats, nesting, passwords, outcomes. */
class ExtractEngineTests extends ExtractTestSupport {

    @Test
    void describesItselfAsAnExtractor() {
        ExtractEngine engine = engine();
        assertThat(engine.name()).isEqualTo("extract");
        assertThat(engine.displayName()).isEqualTo("Archive extraction");
        assertThat(engine.category()).isEqualTo(ProbeCategory.EXTRACTOR);
        assertThat(engine.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(engine.dependencies()).isEmpty();
        assertThatCode(engine::verify).doesNotThrowAnyException();
        assertThat(engine.versions().engineVersion()).isNull();
        assertThat(engine.refreshVersions()).isEqualTo(engine.versions());
        assertThat(engine.versions().engineVersion())
                .matches("argus-extract 1\\.0; zip4j 2\\.11\\.\\d+; commons-compress 1\\.28\\.0; xz 1\\.12;"
                        + " tika-core \\d+\\.\\d+\\.\\d+; libarchive (\\d+\\.\\d+\\.\\d+|absent)");
        assertThat(engine.versions().signatureVersion()).matches("config [0-9a-f]{16}");
    }

    @Test
    void theSignatureVersionFollowsTheLimitsAndThePasswords() {
        ExtractProperties d = ExtractProperties.defaults();
        String defaults = engine().refreshVersions().signatureVersion();
        ExtractProperties deeper = new ExtractProperties(9, d.maxMembersPerContainer(), d.maxFiles(),
                d.maxTotalBytes(), d.maxMemberBytes(), d.maxRatio(), d.ratioFloor(), d.containerTimeout(),
                d.scanTimeout(), d.passwords(), d.bsdtarCommand(), null);
        ExtractProperties otherPasswords = new ExtractProperties(d.maxDepth(), d.maxMembersPerContainer(),
                d.maxFiles(), d.maxTotalBytes(), d.maxMemberBytes(), d.maxRatio(), d.ratioFloor(),
                d.containerTimeout(), d.scanTimeout(), List.of("infected"), d.bsdtarCommand(), null);

        assertThat(engine().refreshVersions().signatureVersion()).isEqualTo(defaults);
        assertThat(engine(deeper).refreshVersions().signatureVersion()).isNotEqualTo(defaults);
        assertThat(engine(otherPasswords).refreshVersions().signatureVersion()).isNotEqualTo(defaults);
    }

    @Test
    void findsEicarThreeLevelsDeepAndStoresEveryMemberBySha256() throws Exception {
        Path eicar = write("eicar.com", EICAR);
        Path tarGz = dir.resolve("eicar.tar.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(tarGz))) {
            tar(out, "eicar.com", eicar);
        }
        run("7z", "a", "-bd", "-y", "inner.7z", "eicar.tar.gz");
        Path root = zip("outer.zip", "inner.7z", dir.resolve("inner.7z"));

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(outcome.extracted().root().members()).isEqualTo(1);
        assertThat(outcome.details()).containsEntry("status", "extracted").containsEntry("members", 1)
                .containsEntry("files", 3);
        List<ExtractedFile> files = outcome.extracted().files();
        assertThat(files).extracting(ExtractedFile::path).containsExactly("inner.7z", "eicar.tar.gz", "eicar.com");
        ExtractedFile sevenZ = files.get(0);
        ExtractedFile tgz = files.get(1);
        ExtractedFile found = files.get(2);
        assertThat(sevenZ.parent()).isEqualTo(sha256(root));
        assertThat(sevenZ.depth()).isEqualTo(1);
        assertThat(sevenZ.mimeType()).isEqualTo("application/x-7z-compressed");
        assertThat(sevenZ.extraction().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(sevenZ.extraction().members()).isEqualTo(1);
        assertThat(tgz.parent()).isEqualTo(sevenZ.sha256());
        assertThat(tgz.depth()).isEqualTo(2);
        assertThat(tgz.mimeType()).isEqualTo("application/gzip");
        assertThat(found.parent()).isEqualTo(tgz.sha256());
        assertThat(found.depth()).isEqualTo(3);
        assertThat(found.extraction()).isNull();
        assertThat(found.sha256()).isEqualTo(sha256(eicar));
        assertThat(found.md5()).isEqualTo("44d88612fea8a8f36de82e1278abb02f");
        assertThat(found.sha1()).isEqualTo("3395856ce81f2b7382dee72602f798b642f14140");
        assertThat(found.size()).isEqualTo(68);
        assertThat(store.stored()).containsExactly(sevenZ.sha256(), tgz.sha256(), found.sha256());
        assertThat(Files.readString(store.path(found.sha256()))).isEqualTo(EICAR);
        assertThat(leftInWorkDir()).isEmpty();
    }

    @Test
    void opensAZipCryptoArchiveWithADefaultPassword() throws Exception {
        write("eicar.com", EICAR);
        run("zip", "-q", "-P", "infected", "enc.zip", "eicar.com");

        ScanOutcome outcome = scan(engine(), dir.resolve("enc.zip"));

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(outcome.extracted().files()).singleElement()
                .satisfies(f -> assertThat(f.sha256()).isEqualTo(sha256(dir.resolve("eicar.com"))));
    }

    @Test
    void triesTheScansOwnPasswordsFirst() throws Exception {
        write("eicar.com", EICAR);
        run("zip", "-q", "-P", "only-this-scan-knows", "enc.zip", "eicar.com");

        ScanOutcome without = scan(engine(), dir.resolve("enc.zip"));
        ScanOutcome with = scan(engine(), dir.resolve("enc.zip"), "wrong", "only-this-scan-knows");

        assertThat(without.extracted().root().status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        assertThat(with.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(with.extracted().files()).extracting(ExtractedFile::path).containsExactly("eicar.com");
    }

    @Test
    void aZipNoPasswordOpensIsEncryptedAndSuspicious() throws Exception {
        write("a.txt", "secret content");
        run("zip", "-q", "-P", "nobody-knows-this", "enc.zip", "a.txt");

        ScanOutcome outcome = scan(engine(), dir.resolve("enc.zip"), "a-scan-password");

        assertThat(outcome.category()).isEqualTo(Category.SUSPICIOUS);
        assertThat(outcome.threat()).isEqualTo("Argus.Extract.Encrypted");
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        assertThat(outcome.extracted().root().detail())
                .isEqualTo("no password opened its encrypted member (6 tried)");
        assertThat(outcome.extracted().files()).isEmpty();
        assertThat(store.stored()).isEmpty();
        assertThat(outcome.details()).containsEntry("status", "encrypted");
    }

    @Test
    void opensAnAesZip() throws Exception {
        Path eicar = write("eicar.com", EICAR);
        Path plain = write("readme.txt", "not encrypted");
        ZipParameters aes = new ZipParameters();
        aes.setEncryptFiles(true);
        aes.setEncryptionMethod(EncryptionMethod.AES);
        aes.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        Path file = dir.resolve("aes.zip");
        try (ZipFile zip = new ZipFile(file.toFile(), "malware".toCharArray())) {
            zip.addFile(eicar.toFile(), aes);
            zip.addFile(plain.toFile(), new ZipParameters());
        }

        ScanOutcome outcome = scan(engine(), file);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(outcome.extracted().root().members()).isEqualTo(2);
        assertThat(outcome.extracted().files()).extracting(ExtractedFile::path)
                .containsExactly("eicar.com", "readme.txt");
        assertThat(find(outcome.extracted().files(), "eicar.com").sha256()).isEqualTo(sha256(eicar));
    }

    @Test
    void opensA7zWithEncryptedHeaders() throws Exception {
        Path eicar = write("eicar.com", EICAR);
        run("7z", "a", "-bd", "-y", "-pinfected", "-mhe=on", "enc.7z", "eicar.com");
        run("7z", "a", "-bd", "-y", "-pnot-in-any-list", "-mhe=on", "locked.7z", "eicar.com");

        ScanOutcome opened = scan(engine(), dir.resolve("enc.7z"));
        ScanOutcome locked = scan(engine(), dir.resolve("locked.7z"));

        assertThat(opened.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(opened.extracted().files()).singleElement()
                .satisfies(f -> assertThat(f.sha256()).isEqualTo(sha256(eicar)));
        assertThat(locked.extracted().root().status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        assertThat(locked.extracted().root().detail()).isEqualTo("no password opened it (5 tried)");
        assertThat(locked.threat()).isEqualTo("Argus.Extract.Encrypted");
    }

    @Test
    void opensA7zWhoseDataOnlyIsEncrypted() throws Exception {
        write("eicar.com", EICAR);
        run("7z", "a", "-bd", "-y", "-p123456", "data.7z", "eicar.com");

        ScanOutcome outcome = scan(engine(), dir.resolve("data.7z"));

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(outcome.extracted().files()).extracting(ExtractedFile::path).containsExactly("eicar.com");
    }

    @Test
    void decompressesSingleGzipBzip2AndXzStreams() throws Exception {
        byte[] content = "just one compressed text file\n".repeat(10).getBytes(StandardCharsets.UTF_8);
        Path gz = dir.resolve("named.gz");
        GzipParameters parameters = new GzipParameters();
        parameters.setFileName("report.txt");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gz), parameters)) {
            out.write(content);
        }
        Path bz2 = dir.resolve("a.bz2");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
            out.write(content);
        }
        Path xz = dir.resolve("a.xz");
        try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(xz))) {
            out.write(content);
        }

        for (Path file : List.of(gz, bz2, xz)) {
            ScanOutcome outcome = scan(engine(), file);
            assertThat(outcome.extracted().root().status()).as(file.toString())
                    .isEqualTo(ExtractionStatus.EXTRACTED);
            assertThat(outcome.extracted().files()).as(file.toString()).singleElement().satisfies(f -> {
                assertThat(f.sha256()).isEqualTo(sha256(content));
                assertThat(f.path()).isEqualTo(file == gz ? "report.txt" : "content");
                assertThat(f.mimeType()).isEqualTo("text/plain");
            });
        }
    }

    @Test
    void readsTarsCompressedOrNot() throws Exception {
        Path tar = dir.resolve("a.tar");
        try (OutputStream out = Files.newOutputStream(tar)) {
            tar(out, "dir/one.txt", "one", "two.txt", "two");
        }
        Path tarBz2 = dir.resolve("a.tar.bz2");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(tarBz2))) {
            tar(out, "dir/one.txt", "one", "two.txt", "two");
        }
        Path tarXz = dir.resolve("a.tar.xz");
        try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(tarXz))) {
            tar(out, "dir/one.txt", "one", "two.txt", "two");
        }

        for (Path file : List.of(tar, tarBz2, tarXz)) {
            ScanOutcome outcome = scan(engine(), file);
            assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
            assertThat(outcome.extracted().root().members()).isEqualTo(2);
            assertThat(outcome.extracted().files()).extracting(ExtractedFile::path)
                    .containsExactly("dir/one.txt", "two.txt");
        }
    }

    @Test
    void aFileThatIsNoContainerIsUnsupportedAndUndetected() throws Exception {
        ScanOutcome outcome = scan(engine(), write("plain.txt", "hello"));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(outcome.extracted().root().detail()).contains("text/plain");
        assertThat(outcome.extracted().files()).isEmpty();
    }

    @Test
    void aDamagedArchiveFailsWithoutCrashingTheEngine() throws Exception {
        Path good = zip("good.zip", "a.txt", "some text to compress ".repeat(100));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        Path gz = dir.resolve("cut.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[100_000]);
        }
        byte[] gzBytes = Files.readAllBytes(gz);
        Path cutGz = Files.write(dir.resolve("cut2.gz"), Arrays.copyOf(gzBytes, gzBytes.length - 20));

        for (Path file : List.of(cut, cutGz)) {
            ScanOutcome outcome = scan(engine(), file);
            assertThat(outcome.category()).isEqualTo(Category.SUSPICIOUS);
            assertThat(outcome.threat()).isEqualTo("Argus.Extract.Failed");
            assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(outcome.extracted().root().detail()).startsWith("damaged or malformed ");
        }
        assertThat(leftInWorkDir()).isEmpty();
    }

    @Test
    void theSameMemberTwiceIsStoredAndListedOnce() throws Exception {
        Path root = zip("twice.zip", "a.txt", "same", "b/a-copy.txt", "same", "c.txt", "other");

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().root().members()).isEqualTo(3);
        assertThat(outcome.extracted().files()).extracting(ExtractedFile::path).containsExactly("a.txt", "c.txt");
        assertThat(store.stored()).hasSize(2);
    }

    @Test
    void aMemberAlreadyOnTheFileStoreIsNotStoredAgain() throws Exception {
        Path root = zip("a.zip", "a.txt", "already there");
        String sha = sha256("already there".getBytes(StandardCharsets.ISO_8859_1));
        store.store(sha, new java.io.ByteArrayInputStream("already there".getBytes(StandardCharsets.ISO_8859_1)));

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().files()).extracting(ExtractedFile::sha256).containsExactly(sha);
        assertThat(store.stored()).containsExactly(sha);
    }
}
