package dev.argus.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTests {

    @TempDir
    Path temp;

    @Test
    void sameSeedAndCopyGiveTheSameBytes() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(Profile.MIXED, 7, "a");
        for (int i = 0; i < 40; i++) {
            CorpusFile first = generator.write(i, temp.resolve("one"));
            CorpusFile second = generator.write(i, temp.resolve("two"));
            assertThat(Files.readAllBytes(second.path())).isEqualTo(Files.readAllBytes(first.path()));
        }
    }

    @Test
    void everyFileOfACorpusIsUnique() throws Exception {
        List<CorpusFile> files = new CorpusGenerator(Profile.TINY, 1, "a").writeAll(temp);
        Set<String> hashes = new HashSet<>();
        files.forEach(file -> hashes.add(sha256(file.path())));
        assertThat(files).hasSize(Profile.TINY.files());
        assertThat(hashes).hasSize(files.size());
    }

    @Test
    void twoCopiesShareKindsAndSizesButNoFile() throws Exception {
        for (int i = 0; i < 60; i++) {
            CorpusFile raw = new CorpusGenerator(Profile.TINY, 3, "raw").write(i, temp.resolve("raw"));
            CorpusFile pipeline = new CorpusGenerator(Profile.TINY, 3, "pipeline").write(i, temp.resolve("pipe"));
            assertThat(pipeline.kind()).isEqualTo(raw.kind());
            assertThat(pipeline.size()).isEqualTo(raw.size());
            assertThat(sha256(pipeline.path())).isNotEqualTo(sha256(raw.path()));
        }
    }

    @Test
    void tinyFilesStayWithinTheirSizesAndSomeCarryEicar() throws Exception {
        List<CorpusFile> files = new CorpusGenerator(Profile.TINY, 5, "a").writeAll(temp);
        assertThat(files).allSatisfy(file -> assertThat(file.size()).isBetween(1024L, 64L * 1024));
        List<CorpusFile> eicar = files.stream().filter(file -> file.kind() == ContentKind.EICAR).toList();
        assertThat(eicar).hasSizeBetween(50, 150);
        assertThat(Files.readString(eicar.getFirst().path())).contains(CorpusGenerator.EICAR);
    }

    @Test
    void mixedZipArchivesHoldSeveralMembers() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(Profile.MIXED, 11, "a");
        int checked = 0;
        for (int i = 0; i < 60 && checked < 3; i++) {
            CorpusFile file = generator.write(i, temp);
            if (file.kind() == ContentKind.ZIP) {
                assertThat(zipMembers(file.path())).isBetween(2, 5);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    private static int zipMembers(Path zip) throws IOException {
        int members = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            while (in.getNextEntry() != null) {
                members++;
            }
        }
        return members;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
