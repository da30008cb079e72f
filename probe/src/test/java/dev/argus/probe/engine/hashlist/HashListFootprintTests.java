package dev.argus.probe.engine.hashlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a list of 1,000,000 random sha256 and prints how long it took and what it holds on the heap. It asserts the
 * lookups, not the figures: they depend on the machine. The figures go into docs/engines/hashlist.md.
 */
class HashListFootprintTests {

    private static final int HASHES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void loadsAMillionSha256AndPrintsTimeAndMemory() throws Exception {
        Random random = new Random(7);
        HexFormat hex = HexFormat.of();
        byte[] first = null;
        byte[] hash = new byte[32];
        Path list = dir.resolve("million.bad.txt");
        try (BufferedWriter out = Files.newBufferedWriter(list, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < HASHES; i++) {
                random.nextBytes(hash);
                first = first == null ? hash.clone() : first;
                out.write(hex.formatHex(hash));
                out.write('\n');
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);

        long start = System.nanoTime();
        HashLists loaded = new HashListLoader(dir).load(List.of(list));
        long loadMillis = (System.nanoTime() - start) / 1_000_000;

        long retained = usedHeapAfterGc(memory) - heapBefore;
        long keyBytes = loaded.lists().getFirst().keyBytes();
        System.out.printf(Locale.ROOT, "hashlist footprint: %,d sha256 (%.1f MiB file) loaded in %d ms; keys %.1f MiB"
                        + " (%.1f bytes per hash); heap retained after GC %.1f MiB%n", loaded.size(),
                Files.size(list) / 1_048_576.0, loadMillis, keyBytes / 1_048_576.0, (double) keyBytes / HASHES,
                retained / 1_048_576.0);

        assertThat(loaded.size()).isEqualTo(HASHES);
        assertThat(keyBytes).isEqualTo(32L * HASHES);
        SortedHashSet set = loaded.lists().getFirst().sets().getFirst();
        assertThat(set.contains(first)).isTrue();
        assertThat(set.contains(hash)).isTrue();
        assertThat(set.contains(new byte[32])).isFalse();
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
