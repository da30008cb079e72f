package dev.argus.probe.engine.hashlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SortedHashSetTests {

    private static final HexFormat HEX = HexFormat.of();

    private static SortedHashSet setOf(HashAlgorithm algorithm, String... hashes) {
        SortedHashSet.Builder builder = new SortedHashSet.Builder(algorithm);
        for (String hash : hashes) {
            assertThat(builder.addHex(hash, 0)).as(hash).isTrue();
        }
        return builder.build();
    }

    @Test
    void findsExactlyTheHashesAddedWhateverTheirOrderCaseAndDuplicates() {
        SortedHashSet set = setOf(HashAlgorithm.MD5, "44d88612fea8a8f36de82e1278abb02f",
                "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "00000000000000000000000000000001",
                "44D88612FEA8A8F36DE82E1278ABB02F", "8000000000000000ffffffffffffffff");

        assertThat(set.size()).isEqualTo(4);
        assertThat(set.keyBytes()).isEqualTo(4 * 16);
        assertThat(set.contains(HEX.parseHex("44d88612fea8a8f36de82e1278abb02f"))).isTrue();
        assertThat(set.contains(HEX.parseHex("ffffffffffffffffffffffffffffffff"))).isTrue();
        assertThat(set.contains(HEX.parseHex("00000000000000000000000000000001"))).isTrue();
        assertThat(set.contains(HEX.parseHex("8000000000000000ffffffffffffffff"))).isTrue();
        assertThat(set.contains(HEX.parseHex("44d88612fea8a8f36de82e1278abb02e"))).isFalse();
        assertThat(set.contains(HEX.parseHex("00000000000000000000000000000000"))).isFalse();
    }

    @Test
    void comparesTheLastFourBytesOfSha1() {
        SortedHashSet set = setOf(HashAlgorithm.SHA1, "fe63350a5d9922270a85db51e151e163627daeaa",
                "fe63350a5d9922270a85db51e151e163627daeab");

        assertThat(set.keyBytes()).isEqualTo(2 * 24);
        assertThat(set.contains(HEX.parseHex("fe63350a5d9922270a85db51e151e163627daeab"))).isTrue();
        assertThat(set.contains(HEX.parseHex("fe63350a5d9922270a85db51e151e163627daeac"))).isFalse();
    }

    @Test
    void refusesTextThatIsNotHex() {
        SortedHashSet.Builder builder = new SortedHashSet.Builder(HashAlgorithm.MD5);

        assertThat(builder.addHex("44d88612fea8a8f36de82e1278abb0zz", 0)).isFalse();
        assertThat(builder.size()).isZero();
        assertThat(builder.build().contains(new byte[16])).isFalse();
    }

    @Test
    void agreesWithAHashSetOnRandomSha256() {
        Random random = new Random(42);
        List<String> added = new ArrayList<>();
        SortedHashSet.Builder builder = new SortedHashSet.Builder(HashAlgorithm.SHA256);
        for (int i = 0; i < 20_000; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            String hex = HEX.formatHex(hash);
            added.add(hex);
            builder.addHex(hex, 0);
            if (i % 7 == 0) {
                builder.addHex(hex, 0); // duplicates
            }
        }
        SortedHashSet set = builder.build();
        Set<String> reference = new HashSet<>(added);

        assertThat(set.size()).isEqualTo(reference.size());
        for (String hex : added) {
            assertThat(set.contains(HEX.parseHex(hex))).isTrue();
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] other = new byte[32];
            random.nextBytes(other);
            assertThat(set.contains(other)).isEqualTo(reference.contains(HEX.formatHex(other)));
        }
    }

    @Test
    void sortsManyHashesThatShareTheirFirstBytes() {
        Random random = new Random(1);
        List<byte[]> added = new ArrayList<>();
        SortedHashSet.Builder builder = new SortedHashSet.Builder(HashAlgorithm.MD5);
        for (int i = 0; i < 500; i++) {
            byte[] hash = new byte[16];
            random.nextBytes(hash);
            hash[0] = 0x7f;
            hash[1] = (byte) 0xff;
            added.add(hash);
            builder.addHex(HEX.formatHex(hash), 0);
        }
        SortedHashSet set = builder.build();

        assertThat(set.size()).isEqualTo(500);
        assertThat(added).allMatch(set::contains);
        byte[] absent = added.getFirst().clone();
        absent[15] ^= 1;
        assertThat(set.contains(absent)).isEqualTo(added.stream().anyMatch(h -> java.util.Arrays.equals(h, absent)));
    }
}
