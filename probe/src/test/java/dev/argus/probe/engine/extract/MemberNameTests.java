package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.probe.spi.ScanOutcome;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Member names are data: zip-slip, absolute, NUL and very long names are listed cleaned and never touch a path. */
class MemberNameTests extends ExtractTestSupport {

    private static final String LONG = "d/".repeat(2_500) + "x".repeat(5_000);

    @Test
    void hostileZipNamesAreListedButCreateNothingOutsideTheWorkDirectory() throws Exception {
        Path root = zip("slip.zip", "../../etc/passwd", "zip slip", "/abs/evil.sh", "absolute",
                "..\\..\\windows.txt", "backslashes", "nul\u0000name.txt", "nul", "ctrl\u0007\u001b[31m.txt", "ansi",
                LONG, "long");
        List<Path> before = listing();

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        List<String> paths = outcome.extracted().files().stream().map(ExtractedFile::path).toList();
        // zip4j gives names with '/' as the separator, whatever the archive says
        assertThat(paths).contains("../../etc/passwd", "/abs/evil.sh", "../../windows.txt", "nulname.txt",
                "ctrl[31m.txt");
        String longName = paths.get(5);
        assertThat(longName).hasSize(MemberNames.MAX_LENGTH).isEqualTo(LONG.substring(0, MemberNames.MAX_LENGTH));
        assertThat(paths).allSatisfy(p -> assertThat(p.chars().noneMatch(Character::isISOControl)).isTrue());
        assertNothingCreatedOutsideTheStore(before);
    }

    @Test
    void hostileTarNamesAreListedButCreateNothingOutsideTheWorkDirectory() throws Exception {
        Path root = dir.resolve("slip.tar");
        try (OutputStream out = Files.newOutputStream(root)) {
            tar(out, "../../../tmp/evil", "slip", "/etc/cron.d/evil", "absolute", LONG, "long");
        }
        List<Path> before = listing();

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().files()).extracting(ExtractedFile::path)
                .containsExactly("../../../tmp/evil", "/etc/cron.d/evil", LONG.substring(0, MemberNames.MAX_LENGTH));
        assertNothingCreatedOutsideTheStore(before);
    }

    @Test
    void namesAreCleanedAndBounded() {
        assertThat(MemberNames.clean("a\u0000b\nc\td\u007f")).isEqualTo("abcd");
        assertThat(MemberNames.clean(null)).isEqualTo("(unnamed)");
        assertThat(MemberNames.clean("\u0000")).isEqualTo("(unnamed)");
        assertThat(MemberNames.clean("x".repeat(10_000))).hasSize(1000);
        assertThat(MemberNames.clean("\ud800lone")).isEqualTo("lone");
        assertThat(MemberNames.clean("é".repeat(999) + "😀")).hasSize(999);
    }

    /** Only the store's new files appeared; the work directory is empty again; nothing named by a member exists. */
    private void assertNothingCreatedOutsideTheStore(List<Path> before) throws Exception {
        List<Path> after = listing();
        assertThat(after.stream().filter(p -> !before.contains(p)))
                .allSatisfy(p -> assertThat(p.startsWith(dir.resolve("store")) || p.equals(dir.resolve("work")))
                        .as("created: %s", p).isTrue());
        assertThat(leftInWorkDir()).isEmpty();
        assertThat(Files.exists(dir.getParent().resolve("etc"))).isFalse();
        assertThat(Files.exists(Path.of("/abs"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/evil"))).isFalse();
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.toList();
        }
    }
}
