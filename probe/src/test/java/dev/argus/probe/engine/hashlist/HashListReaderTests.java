package dev.argus.probe.engine.hashlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashListReaderTests {

    static final String EICAR_MD5 = "44d88612fea8a8f36de82e1278abb02f";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    private HashList read(String name, ListKind kind, String content) throws IOException {
        return HashListReader.read(Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8), kind,
                sha256());
    }

    private static FileHashes hashes(String md5, String sha1, String sha256) {
        HexFormat hex = HexFormat.of();
        return new FileHashes(Map.of(HashAlgorithm.MD5, hex.parseHex(md5), HashAlgorithm.SHA1, hex.parseHex(sha1),
                HashAlgorithm.SHA256, hex.parseHex(sha256)));
    }

    private static final String NO_MD5 = "00000000000000000000000000000000";
    private static final String NO_SHA1 = "0000000000000000000000000000000000000000";
    private static final String NO_SHA256 = "0000000000000000000000000000000000000000000000000000000000000000";

    @Test
    void readsPlainHashesOfEveryLengthWithCommentsLabelAndSha256sumLines() throws IOException {
        HashList list = read("feed.bad.txt", ListKind.BAD, """
                \uFEFF# a feed
                # label: Test-Malware

                %s
                %s  some file name.exe
                22596363B3DE40B06F981FB85D82312E8C0ED511
                """.formatted(EICAR_MD5, EMPTY_SHA256));

        assertThat(list.label()).isEqualTo("Test-Malware");
        assertThat(list.kind()).isEqualTo(ListKind.BAD);
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.skippedLines()).isZero();
        assertThat(list.match(hashes(EICAR_MD5, NO_SHA1, NO_SHA256))).contains(HashAlgorithm.MD5);
        assertThat(list.match(hashes(NO_MD5, NO_SHA1, EMPTY_SHA256))).contains(HashAlgorithm.SHA256);
        assertThat(list.match(hashes(NO_MD5, "22596363b3de40b06f981fb85d82312e8c0ed511", NO_SHA256)))
                .contains(HashAlgorithm.SHA1);
        assertThat(list.match(hashes(NO_MD5, NO_SHA1, NO_SHA256))).isEmpty();
    }

    @Test
    void countsAndSkipsLinesThatAreNotHashes() throws IOException {
        HashList list = read("feed.bad.txt", ListKind.BAD, """
                %s
                not a hash
                44d88612fea8a8f36de82e1278abb0
                zzd88612fea8a8f36de82e1278abb02f
                """.formatted(EICAR_MD5));

        assertThat(list.size()).isEqualTo(1);
        assertThat(list.skippedLines()).isEqualTo(3);
        assertThat(list.firstSkipped()).isEqualTo(2);
        assertThat(list.label()).isEqualTo("feed");
    }

    @Test
    void readsTheSha1AndMd5ColumnsOfAnNsrlCsv() throws IOException {
        HashList list = read("NSRLFile.txt", ListKind.GOOD, """
                "SHA-1","MD5","CRC32","FileName","FileSize","ProductCode","OpSystemCode","SpecialCode"
                "FE63350A5D9922270A85DB51E151E163627DAEAA","626B0F7A3E3B3BA13CE828231B776D62","BA6D4CF6","a.txt",22,1,"362",""
                "22596363B3DE40B06F981FB85D82312E8C0ED511","6F5902AC237024BDD0C176CB93063DC4","AF083B2D","hello, ""world"".txt",12,1,"362",""
                "broken","row"
                """);

        assertThat(list.sets()).extracting(SortedHashSet::algorithm)
                .containsExactlyInAnyOrder(HashAlgorithm.SHA1, HashAlgorithm.MD5);
        assertThat(list.size()).isEqualTo(4);
        assertThat(list.skippedLines()).isEqualTo(1);
        assertThat(list.firstSkipped()).isEqualTo(4);
        assertThat(list.match(hashes(NO_MD5, "fe63350a5d9922270a85db51e151e163627daeaa", NO_SHA256)))
                .contains(HashAlgorithm.SHA1);
        assertThat(list.match(hashes("6f5902ac237024bdd0c176cb93063dc4", NO_SHA1, NO_SHA256)))
                .contains(HashAlgorithm.MD5);
        assertThat(list.label()).isEqualTo("NSRLFile");
    }

    @Test
    void readsASha256ColumnWhenTheCsvHasOne() throws IOException {
        HashList list = read("mine.good.csv", ListKind.GOOD, """
                # label: Vendor-Gold-Image
                "SHA256","FileName"
                "%s","empty"
                """.formatted(EMPTY_SHA256.toUpperCase()));

        assertThat(list.label()).isEqualTo("Vendor-Gold-Image");
        assertThat(list.match(hashes(NO_MD5, NO_SHA1, EMPTY_SHA256))).contains(HashAlgorithm.SHA256);
    }

    @Test
    void splitsCsvFieldsWithQuotedCommasAndQuotes() {
        assertThat(HashListReader.csvFields("\"a\",\"b, c\",\"say \"\"hi\"\"\",4,\"\"", 10))
                .containsExactly("a", "b, c", "say \"hi\"", "4", "");
        assertThat(HashListReader.csvFields("\"a\",\"b\",\"c\"", 2)).containsExactly("a", "b");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
