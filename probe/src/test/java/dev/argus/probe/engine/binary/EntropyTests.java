package dev.argus.probe.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntropyTests {

    @TempDir
    Path dir;

    @Test
    void allZeroBytesHaveZeroEntropy() {
        ByteHistogram histogram = new ByteHistogram();
        histogram.add(new byte[4096], 0, 4096);

        assertThat(histogram.entropy()).isZero();
    }

    @Test
    void noBytesHaveZeroEntropy() {
        assertThat(new ByteHistogram().entropy()).isZero();
    }

    @Test
    void twoValuesEquallyOftenHaveOneBit() {
        ByteHistogram histogram = new ByteHistogram();
        histogram.add(new byte[] {1, 2, 1, 2}, 0, 4);

        assertThat(histogram.entropy()).isEqualTo(1.0);
    }

    @Test
    void everyValueEquallyOftenHasEightBits() {
        byte[] all = new byte[256 * 4];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ByteHistogram histogram = new ByteHistogram();
        histogram.add(all, 0, all.length);

        assertThat(histogram.entropy()).isEqualTo(8.0);
    }

    @Test
    void randomBytesHaveNearlyEightBits() {
        byte[] random = new byte[1 << 20];
        new Random(7).nextBytes(random);
        ByteHistogram histogram = new ByteHistogram();
        histogram.add(random, 0, random.length);

        assertThat(histogram.entropy()).isCloseTo(8.0, within(0.001));
    }

    @Test
    void regionEntropyIsClippedToTheFileAndStopsWhenTheBudgetIsSpent() throws Exception {
        byte[] content = new byte[1000];
        for (int i = 500; i < 1000; i++) {
            content[i] = (byte) (i % 2);
        }
        Path file = Files.write(dir.resolve("regions.bin"), content);
        try (FileChannel channel = FileChannel.open(file)) {
            RegionEntropy regions = new RegionEntropy(new BinaryFile(channel), 1500);

            assertThat(regions.of(0, 500)).isZero();
            assertThat(regions.of(500, 1_000_000)).isEqualTo(1.0); // clipped to the 500 bytes left
            assertThat(regions.of(2000, 10)).isNull();
            assertThat(regions.exhausted()).isFalse();
            assertThat(regions.of(0, 1000)).isNull(); // 1000 more bytes than the 500 left in the budget
            assertThat(regions.exhausted()).isTrue();
        }
    }

    @Test
    void binaryFileReadsAreBoundedByTheFile() throws Exception {
        Path file = Files.write(dir.resolve("small.bin"), new byte[] {'a', 'b', 0, 'c', (byte) 0xff});
        try (FileChannel channel = FileChannel.open(file)) {
            BinaryFile binary = new BinaryFile(channel);

            assertThat(binary.read(3, 100).remaining()).isEqualTo(2);
            assertThat(binary.read(-5, 4).remaining()).isZero();
            assertThat(binary.read(Long.MAX_VALUE, 4).remaining()).isZero();
            assertThat(binary.readFully(3, 3)).isNull();
            assertThat(binary.cString(0, 100)).isEqualTo("ab");
            assertThat(binary.cString(3, 100)).isEqualTo("c?");
            assertThat(binary.cString(99, 100)).isNull();
            assertThat(binary.contains(0, 5)).isTrue();
            assertThat(binary.contains(1, Long.MAX_VALUE)).isFalse();
            assertThatThrownBy(() -> binary.read(0, BinaryFile.MAX_READ + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
