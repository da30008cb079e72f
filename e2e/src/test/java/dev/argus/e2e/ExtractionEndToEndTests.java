package dev.argus.e2e;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.testsupport.ArgusTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Archives through the three packaged processes with the extraction engine and clamav (clamd): a zip encrypted with
 * a default password, a per-scan password, an unknown one, three levels of different formats, hostile member names
 * and a 42.zip-style bomb. Archives are made in the tests with Debian's {@code zip}, {@code 7z} and {@code tar} and
 * with {@code java.util.zip}.
 */
class ExtractionEndToEndTests {

    static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
            .getBytes(StandardCharsets.US_ASCII);
    static final Duration SCAN_TIMEOUT = Duration.ofSeconds(90);
    static final Map<String, String> PROBES = Map.of("probes", "clamav,extract");

    static ArgusStack stack;
    static ArgusTestClient api;

    @TempDir
    Path dir;

    @BeforeAll
    static void startArgus() throws Exception {
        stack = ArgusStack.start("extraction", List.of("clamav", "extract"));
        api = stack.api;
    }

    @AfterAll
    static void stopArgus() throws InterruptedException {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aZipEncryptedWithInfectedHoldingEicarIsMaliciousAndItsVerdictNamesTheMember() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.write(dir.resolve("docs/payload.com"), EICAR);
        run(dir, "zip", "-q", "-P", "infected", "sample.zip", "docs/payload.com");

        JsonNode scan = scan(Map.of(), "sample.zip", Files.readAllBytes(dir.resolve("sample.zip")));

        JsonNode root = root(scan);
        assertThat(root.path("extraction").path("status").asString()).isEqualTo("extracted");
        assertThat(root.path("verdict").path("label").asString()).isEqualTo("malicious");
        assertThat(root.path("verdict").path("explanation").get(0).asString())
                .startsWith("sample.zip › docs/payload.com: clamav ");
        JsonNode member = file(scan, "docs/payload.com");
        assertThat(member.path("parent").asString()).isEqualTo(root.path("sha256").asString());
        assertThat(member.path("depth").asInt()).isEqualTo(1);
        assertThat(member.path("results").path("clamav").path("category").asString()).isEqualTo("malicious");
        assertThat(scan.path("progress").path("total").asInt()).as("2 files x 2 probes").isEqualTo(4);
    }

    @Test
    void eicarThreeLevelsDeepInZip7zAndTarGzIsFoundAndThePathIsNamed() throws Exception {
        Files.write(dir.resolve("eicar.com"), EICAR);
        run(dir, "tar", "czf", "payload.tar.gz", "eicar.com");
        run(dir, "7z", "a", "-bd", "-bso0", "inner.7z", "payload.tar.gz");
        Path outer = dir.resolve("outer.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(outer))) {
            zip.putNextEntry(new ZipEntry("docs/inner.7z"));
            zip.write(Files.readAllBytes(dir.resolve("inner.7z")));
            zip.closeEntry();
        }

        JsonNode scan = scan(Map.of(), "outer.zip", Files.readAllBytes(outer));

        assertThat(scan.path("files")).hasSize(4);
        assertThat(file(scan, "eicar.com").path("depth").asInt()).isEqualTo(3);
        JsonNode verdict = root(scan).path("verdict");
        assertThat(verdict.path("label").asString()).isEqualTo("malicious");
        assertThat(verdict.path("explanation").get(0).asString())
                .startsWith("outer.zip › docs/inner.7z › payload.tar.gz › eicar.com: clamav ");
    }

    @Test
    void aPerScanPasswordOpensWhatTheDefaultsDoNotAndWithoutItTheArchiveIsEncryptedAndSuspicious() throws Exception {
        Files.write(dir.resolve("payload.com"), EICAR);
        run(dir, "zip", "-q", "-P", "Tr0ub4dor&3 horse", "locked.zip", "payload.com");
        byte[] locked = Files.readAllBytes(dir.resolve("locked.zip"));

        JsonNode opened = scan(Map.of("passwords", "Tr0ub4dor&3 horse"), "locked.zip", locked);
        assertThat(root(opened).path("verdict").path("label").asString()).isEqualTo("malicious");
        assertThat(opened.toString()).doesNotContain("Tr0ub4dor");

        JsonNode unopened = scan(Map.of(), "locked.zip", locked);
        JsonNode root = root(unopened);
        assertThat(root.path("extraction").path("status").asString()).isEqualTo("encrypted");
        assertThat(root.path("verdict").path("label").asString()).isEqualTo("suspicious");
        assertThat(root.path("verdict").path("explanation").get(0).asString()).startsWith("locked.zip: encrypted");
        assertThat(unopened.path("files")).as("nothing was extracted").hasSize(1);
    }

    @Test
    void hostileMemberNamesAreKeptAsDataAndTheirContentIsScanned() throws Exception {
        Path zip = dir.resolve("slip.zip");
        List<String> names = List.of("../../../../tmp/argus-slip.com", "/etc/cron.d/argus-slip", "a\u202Egpj.exe",
                "x".repeat(2_000));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < names.size(); i++) {
                out.putNextEntry(new ZipEntry(names.get(i)));
                out.write(i == 0 ? EICAR : ("member " + i).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }

        JsonNode scan = scan(Map.of(), "slip.zip", Files.readAllBytes(zip));

        assertThat(Files.exists(Path.of("/tmp/argus-slip.com"))).isFalse();
        assertThat(Files.exists(Path.of("/etc/cron.d/argus-slip"))).isFalse();
        assertThat(file(scan, "../../../../tmp/argus-slip.com").path("results").path("clamav").path("category")
                .asString()).isEqualTo("malicious");
        List<String> paths = new ArrayList<>();
        scan.path("files").forEach(f -> paths.add(f.path("path").asString()));
        assertThat(paths).contains("/etc/cron.d/argus-slip", "a\u202Egpj.exe");
        assertThat(paths).anySatisfy(p -> assertThat(p).startsWith("xxxx").hasSizeLessThanOrEqualTo(1_024));
    }

    @Test
    void aNestedBombEndsWithinAMinuteAsLimitExceededAndStaysBoundedInMemory() throws Exception {
        Path bomb = nestedBomb(dir, 4, 16);
        long probeBefore = stack.probe.peakRssKib();
        long frontendBefore = stack.frontend.peakRssKib();
        long start = System.nanoTime();

        JsonNode scan = scan(Map.of(), "42.zip", Files.readAllBytes(bomb), Duration.ofSeconds(60));

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        List<String> statuses = new ArrayList<>();
        scan.path("files").forEach(f -> statuses.add(f.path("extraction").path("status").asString()));
        assertThat(statuses).contains("limit-exceeded");
        JsonNode verdict = root(scan).path("verdict");
        assertThat(verdict.path("label").asString()).isIn("suspicious", "malicious");
        assertThat(verdict.path("explanation").toString()).contains("limit-exceeded");
        long probeAfter = stack.probe.peakRssKib();
        long frontendAfter = stack.frontend.peakRssKib();
        System.out.printf("[extraction] %d KiB bomb finished in %d s, %d files; peak RSS probe %d -> %d MiB, "
                        + "frontend %d -> %d MiB%n", Files.size(bomb) / 1024, seconds, scan.path("files").size(),
                probeBefore / 1024, probeAfter / 1024, frontendBefore / 1024, frontendAfter / 1024);
        assertThat(probeAfter - probeBefore).as("probe peak RSS growth, KiB").isLessThan(256 * 1024);
        assertThat(frontendAfter - frontendBefore).as("frontend peak RSS growth, KiB").isLessThan(64 * 1024);
    }

    /**
     * A 42.zip-style bomb: the bottom zip holds one 2 GiB member of zeros (written through the deflater, never held in
     * memory), each level above holds {@code width} copies of the level below.
     */
    static Path nestedBomb(Path dir, int levels, int width) throws IOException {
        Path level = dir.resolve("bomb-0.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(level))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 2048; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        for (int l = 1; l <= levels; l++) {
            Path next = dir.resolve("bomb-" + l + ".zip");
            byte[] inner = Files.readAllBytes(level);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(next))) {
                for (int i = 0; i < width; i++) {
                    zip.putNextEntry(new ZipEntry("lib " + i + ".zip"));
                    zip.write(inner);
                    zip.closeEntry();
                }
            }
            level = next;
        }
        return level;
    }

    private JsonNode scan(Map<String, String> fields, String name, byte[] content) throws Exception {
        return scan(fields, name, content, SCAN_TIMEOUT);
    }

    private JsonNode scan(Map<String, String> fields, String name, byte[] content, Duration timeout)
            throws Exception {
        ArgusTestClient.Multipart form = Upload.form(PROBES).file(name, content);
        fields.forEach(form::field);
        var accepted = api.uploadStreamed(form);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode scan = api.awaitFinished(json(accepted).path("id").asString(), timeout);
        assertThat(scan.path("status").asString()).isEqualTo("finished");
        return scan;
    }

    private static JsonNode root(JsonNode scan) {
        return scan.path("files").get(0);
    }

    private static JsonNode file(JsonNode scan, String path) {
        for (JsonNode file : scan.path("files")) {
            if (path.equals(file.path("path").asString())) {
                return file;
            }
        }
        throw new AssertionError("no file with path " + path + " in " + scan.path("files"));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

}
