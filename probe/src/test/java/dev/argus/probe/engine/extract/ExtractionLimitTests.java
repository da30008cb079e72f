package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.probe.spi.ScanOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.unit.DataSize;

/**
 * Bombs and limits: each stops with {@code limit-exceeded} naming its limit, within seconds, keeping what was
 * extracted before it, with the bytes stored bounded.
 */
@Timeout(120)
class ExtractionLimitTests extends ExtractTestSupport {

    private static final long MiB = 1 << 20;

    @Test
    void aNestedZipBombStopsAtTheRatioLimitAndStoresLittle() throws Exception {
        byte[] level = zerosZip("zeros.bin", 1024 * MiB);
        for (int depth = 0; depth < 3; depth++) {
            level = zipOfCopies("l" + depth + "-", level, 10);
        }
        Path root = Files.write(dir.resolve("bomb.zip"), level);
        long start = System.nanoTime();

        ScanOutcome outcome = scan(engine(), root);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(outcome.category()).isEqualTo(Category.SUSPICIOUS);
        assertThat(outcome.threat()).isEqualTo("Argus.Extract.LimitExceeded");
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(outcome.extracted().root().detail()).contains("compression ratio over 200:1");
        List<ExtractedFile> files = outcome.extracted().files();
        assertThat(files).extracting(ExtractedFile::path).containsExactly("l2-0.zip", "l1-0.zip", "l0-0.zip");
        assertThat(files.get(2).extraction().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(files.get(2).extraction().detail()).startsWith("compression ratio over 200:1");
        assertThat(store.bytesReceived()).isLessThan(8 * MiB);
        assertThat(leftInWorkDir()).isEmpty();
    }

    @Test
    void aHighRatioMemberStopsAtTheRatioLimit() throws Exception {
        Path root = Files.write(dir.resolve("ratio.zip"), zerosZip("zeros.bin", 64 * MiB));

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(outcome.extracted().root().detail()).startsWith("compression ratio over 200:1");
        assertThat(outcome.extracted().files()).isEmpty();
        assertThat(store.stored()).isEmpty();
    }

    @Test
    void smallHighlyCompressibleFilesAreFineUnderTheFloor() throws Exception {
        Path root = Files.write(dir.resolve("small.zip"), zerosZip("zeros.bin", 8 * MiB));

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(outcome.extracted().files()).singleElement()
                .satisfies(f -> assertThat(f.size()).isEqualTo(8 * MiB));
    }

    @Test
    void tooManyMembersStopAtTheMemberLimitKeepingTheFirstOnes() throws Exception {
        Object[] entries = new Object[2 * 1001];
        for (int i = 0; i < 1001; i++) {
            entries[2 * i] = String.format("f%04d.txt", i);
            entries[2 * i + 1] = "file " + i;
        }
        Path root = zip("many.zip", entries);

        ScanOutcome outcome = scan(engine(), root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(outcome.extracted().root().detail()).isEqualTo("members per container over 1000");
        assertThat(outcome.extracted().root().members()).isEqualTo(1000);
        assertThat(outcome.extracted().files()).hasSize(1000);
        assertThat(store.stored()).hasSize(1000);
    }

    @Test
    void containersNestedTooDeepAreListedButNotOpened() throws Exception {
        Path current = zip("z1.zip", "leaf.txt", "the leaf");
        for (int i = 2; i <= 10; i++) {
            current = zip("z" + i + ".zip", "z" + (i - 1) + ".zip", current);
        }

        ScanOutcome outcome = scan(engine(), current);

        List<ExtractedFile> files = outcome.extracted().files();
        assertThat(files).hasSize(8);
        assertThat(files).extracting(ExtractedFile::depth).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        ExtractedFile deepest = files.get(7);
        assertThat(deepest.path()).isEqualTo("z2.zip");
        assertThat(deepest.extraction().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(deepest.extraction().detail()).isEqualTo("nesting depth over 8");
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(outcome.extracted().root().detail()).endsWith("nesting depth over 8").startsWith("member 'z9.zip'");
    }

    @Test
    void overlappingEntriesAreRefusedBeforeAnythingIsRead() throws Exception {
        Path root = Files.write(dir.resolve("overlap.zip"), overlappingZip(200, 16 * MiB));
        long start = System.nanoTime();

        ScanOutcome outcome = scan(engine(), root);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(outcome.extracted().root().detail()).isEqualTo("overlapping entries");
        assertThat(outcome.extracted().files()).isEmpty();
        assertThat(store.stored()).isEmpty();
    }

    @Test
    void bytesPerRootFileAreBoundedAcrossTheTree() throws Exception {
        Path inner = zip("inner.zip", "b.bin", random(300 * 1024, 2));
        Path root = zip("total.zip", "a.bin", random(600 * 1024, 1), "inner.zip", inner, "c.bin",
                random(600 * 1024, 3));

        ScanOutcome outcome = scan(engine(limits(8, 1000, 10_000, MiB, 256 * MiB, Duration.ofSeconds(60))), root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(outcome.extracted().root().detail()).isEqualTo("member bytes per root file over 1 MiB");
        List<ExtractedFile> files = outcome.extracted().files();
        assertThat(files).extracting(ExtractedFile::path).containsExactly("a.bin", "inner.zip");
        assertThat(files.get(1).extraction().detail()).isEqualTo("member bytes per root file over 1 MiB");
        assertThat(store.bytesReceived()).isLessThan(MiB + 100 * 1024);
    }

    @Test
    void filesPerRootFileAreBounded() throws Exception {
        Object[] entries = new Object[20];
        for (int i = 0; i < 10; i++) {
            entries[2 * i] = "f" + i;
            entries[2 * i + 1] = "content " + i;
        }

        ScanOutcome outcome = scan(engine(limits(8, 1000, 5, 1024 * MiB, 256 * MiB, Duration.ofSeconds(60))),
                zip("files.zip", entries));

        assertThat(outcome.extracted().root().detail()).isEqualTo("files per root file over 5");
        assertThat(outcome.extracted().files()).hasSize(5);
    }

    @Test
    void aMemberOverTheMemberLimitIsNotKept() throws Exception {
        Path root = zip("big.zip", "small.bin", random(1024, 4), "big.bin", random(200 * 1024, 5));

        ScanOutcome outcome = scan(engine(limits(8, 1000, 10_000, 1024 * MiB, 100 * 1024,
                Duration.ofSeconds(60))), root);

        assertThat(outcome.extracted().root().detail()).isEqualTo("bytes per member over 100 KiB");
        assertThat(outcome.extracted().files()).extracting(ExtractedFile::path).containsExactly("small.bin");
        assertThat(store.bytesReceived()).isEqualTo(1024);
    }

    @Test
    void aContainerOverItsTimeStops() throws Exception {
        Path root = Files.write(dir.resolve("slow.zip"), zerosZip("zeros.bin", 200 * MiB));
        ExtractProperties d = ExtractProperties.defaults();
        ExtractProperties limits = new ExtractProperties(8, 1000, 10_000, d.maxTotalBytes(), d.maxMemberBytes(),
                1_000_000, d.ratioFloor(), Duration.ofMillis(20), d.scanTimeout(), d.passwords(), "bsdtar", null);

        ScanOutcome outcome = scan(engine(limits), root);

        assertThat(outcome.extracted().root().status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
        assertThat(outcome.extracted().root().detail()).isEqualTo("time per container over 20 ms");
        assertThat(store.stored()).isEmpty();
    }

    @Test
    void anInterruptedScanStopsAtOnceAndLeavesNothingBehind() throws Exception {
        Path root = Files.write(dir.resolve("long.zip"), zerosZip("zeros.bin", 1024 * MiB));
        ExtractProperties d = ExtractProperties.defaults();
        ExtractEngine engine = engine(new ExtractProperties(8, 1000, 10_000, DataSize.ofGigabytes(4),
                DataSize.ofGigabytes(2), 1_000_000, d.ratioFloor(), Duration.ofMinutes(5), d.scanTimeout(),
                d.passwords(), "bsdtar", null));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ScanOutcome> scan = executor.submit(() -> scan(engine, root));
            Thread.sleep(300);
            long start = System.nanoTime();
            scan.cancel(true);
            executor.shutdown();
            assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            executor.shutdownNow();
        }
        assertThat(leftInWorkDir()).isEmpty();
        assertThat(store.stored()).isEmpty();
    }

    private ExtractProperties limits(int depth, int members, int files, long total, long member, Duration time) {
        ExtractProperties d = ExtractProperties.defaults();
        return new ExtractProperties(depth, members, files, DataSize.ofBytes(total), DataSize.ofBytes(member),
                d.maxRatio(), d.ratioFloor(), time, d.scanTimeout(), d.passwords(), d.bsdtarCommand(), null);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A zip of one deflated member of {@code size} zero bytes, streamed: never held in memory. */
    private static byte[] zerosZip(String name, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            byte[] chunk = new byte[(int) MiB];
            for (long written = 0; written < size; written += chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A zip holding {@code copies} copies of the same content, the 42.zip way. */
    private static byte[] zipOfCopies(String prefix, byte[] content, int copies) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (int i = 0; i < copies; i++) {
                zip.putNextEntry(new ZipEntry(prefix + i + ".zip"));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A zip written byte by byte: one local file (deflated zeros) and {@code entries} central directory entries all
     * pointing at it, under different names.
     */
    private static byte[] overlappingZip(int entries, long size) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] zeros = new byte[(int) MiB];
        byte[] out = new byte[64 * 1024];
        CRC32 crc = new CRC32();
        for (long written = 0; written < size; written += zeros.length) {
            crc.update(zeros);
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                data.write(out, 0, deflater.deflate(out));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            data.write(out, 0, deflater.deflate(out));
        }
        deflater.end();
        byte[] compressed = data.toByteArray();
        byte[] localName = "a.bin".getBytes(StandardCharsets.US_ASCII);

        ByteBuffer zip = ByteBuffer.allocate(compressed.length + 64 * (entries + 2)).order(ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0)
                .putShort((short) 0x21).putInt((int) crc.getValue()).putInt(compressed.length).putInt((int) size)
                .putShort((short) localName.length).putShort((short) 0).put(localName).put(compressed);
        int centralStart = zip.position();
        List<byte[]> names = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            names.add(String.format("e%03d.bin", i).getBytes(StandardCharsets.US_ASCII));
        }
        for (byte[] name : names) {
            zip.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                    .putInt(compressed.length).putInt((int) size).putShort((short) name.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(name);
        }
        int centralSize = zip.position() - centralStart;
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                .putShort((short) entries).putInt(centralSize).putInt(centralStart).putShort((short) 0);
        byte[] result = new byte[zip.position()];
        zip.flip().get(result);
        return result;
    }
}
