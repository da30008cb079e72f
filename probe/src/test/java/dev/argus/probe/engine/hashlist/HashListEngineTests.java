package dev.argus.probe.engine.hashlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on the project's test lists from .ci/hashlists and on lists written by the tests. */
class HashListEngineTests {

    static final Path SHIPPED_LISTS = Path.of("..", ".ci", "hashlists");
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @TempDir
    Path lists;

    @TempDir
    Path files;

    private HashListEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private HashListEngine start(Path dir) throws EngineException {
        engine = new HashListEngine(new HashListProperties(dir, Duration.ofSeconds(30), Duration.ofMillis(100)));
        engine.verify();
        return engine;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.US_ASCII);
    }

    @Test
    void hashesAFileWithMd5Sha1AndSha256InOnePass() throws Exception {
        FileHashes hashes = FileHashes.of(file("eicar.com", EICAR));

        assertThat(hashes.hex(HashAlgorithm.MD5)).isEqualTo("44d88612fea8a8f36de82e1278abb02f");
        assertThat(hashes.hex(HashAlgorithm.SHA1)).isEqualTo("3395856ce81f2b7382dee72602f798b642f14140");
        assertThat(hashes.hex(HashAlgorithm.SHA256))
                .isEqualTo("275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f");
    }

    @Test
    void reportsEicarAsMaliciousNamedAfterTheShippedListsLabel() throws Exception {
        ScanOutcome outcome = start(SHIPPED_LISTS).scan(file("eicar.com", EICAR));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("EICAR-Test-File");
        assertThat(outcome.details()).isEqualTo(Map.of("matches", List.of(Map.of("list", "eicar.bad.txt",
                "label", "EICAR-Test-File", "kind", "bad", "hash", "md5"))));
        assertThat(outcome.versions().engineVersion()).isEqualTo(HashListEngine.ENGINE_VERSION);
        assertThat(outcome.versions().signatureVersion()).matches("lists:[0-9a-f]{12}");
    }

    @Test
    void reportsFilesOnTheShippedGoodListsAsHarmless() throws Exception {
        start(SHIPPED_LISTS);

        ScanOutcome empty = engine.scan(file("empty.bin", ""));
        assertThat(empty.category()).isEqualTo(Category.HARMLESS);
        assertThat(empty.threat()).isNull();
        assertThat(empty.details().get("matches")).isEqualTo(List.of(Map.of("list", "empty.good.txt",
                "label", "Empty-File", "kind", "good", "hash", "sha256")));

        ScanOutcome nsrl = engine.scan(file("sample.txt", "ARGUS-NSRL-SAMPLE-FILE"));
        assertThat(nsrl.category()).isEqualTo(Category.HARMLESS);
        assertThat(nsrl.details().get("matches").toString()).contains("nsrl-sample.good.csv", "sha1");
    }

    @Test
    void reportsAnUnlistedFileAsUndetected() throws Exception {
        ScanOutcome outcome = start(SHIPPED_LISTS).scan(file("notes.txt", "not on any list"));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
        assertThat(outcome.details()).isEqualTo(Map.of("matches", List.of()));
    }

    @Test
    void aKnownBadListWinsOverAKnownGoodOne() throws Exception {
        Files.writeString(lists.resolve("all.good.txt"), "44d88612fea8a8f36de82e1278abb02f\n");
        Files.writeString(lists.resolve("zz.bad.txt"), "44d88612fea8a8f36de82e1278abb02f\n");

        ScanOutcome outcome = start(lists).scan(file("eicar.com", EICAR));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("zz");
        assertThat((List<?>) outcome.details().get("matches")).hasSize(2);
    }

    @Test
    void usesListsChangedOnDiskAndChangesTheSignatureVersion() throws Exception {
        Files.writeString(lists.resolve("empty.good.txt"),
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n");
        Path sample = file("sample.txt", "soon on a list");
        String before = start(lists).versions().signatureVersion();
        assertThat(engine.scan(sample).category()).isEqualTo(Category.UNDETECTED);

        Files.writeString(lists.resolve("new.bad.txt"), "# label: Fresh\n"
                + FileHashes.of(sample).hex(HashAlgorithm.SHA256) + "\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> engine.scan(sample).category() == Category.MALICIOUS);
        ScanOutcome outcome = engine.scan(sample);
        assertThat(outcome.threat()).isEqualTo("Fresh");
        assertThat(outcome.versions().signatureVersion()).isNotEqualTo(before);
        assertThat(engine.refreshVersions().signatureVersion()).isEqualTo(outcome.versions().signatureVersion());
    }

    @Test
    void needsAListFileInTheDirectory() throws IOException {
        HashListEngine withoutLists = new HashListEngine(new HashListProperties(lists, Duration.ofSeconds(30),
                Duration.ofSeconds(2)));
        Files.writeString(lists.resolve("README.txt"), "lists go here");

        assertThat(withoutLists.dependencies()).containsExactly(
                new EngineDependency.FilePresent(lists.resolve("*.{bad,good}.{txt,csv}")));
        assertThatThrownBy(withoutLists::verify).isInstanceOf(EngineException.class)
                .hasMessageContaining("no hash lists");

        Files.writeString(lists.resolve("x.bad.txt"), "44d88612fea8a8f36de82e1278abb02f\n");
        assertThat(withoutLists.dependencies()).containsExactly(new EngineDependency.FilePresent(lists));
    }

    @Test
    void shipsListsThatLoadWithoutSkippedLines() throws Exception {
        try (Stream<Path> shipped = Files.list(SHIPPED_LISTS)) {
            List<Path> files = shipped.filter(ListKind::isList).sorted().toList();
            assertThat(files).hasSize(3);
            HashLists loaded = new HashListLoader(SHIPPED_LISTS).load(files);
            assertThat(loaded.lists()).allSatisfy(list -> assertThat(list.skippedLines()).isZero());
            assertThat(loaded.size()).isEqualTo(1 + 1 + 4);
        }
    }
}
