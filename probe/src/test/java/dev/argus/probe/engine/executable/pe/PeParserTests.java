package dev.argus.probe.engine.executable.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.argus.probe.engine.binary.BinaryFile;
import dev.argus.probe.engine.binary.ByteHistogram;
import dev.argus.probe.engine.binary.RegionEntropy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeParserTests {

    private static final int MAX_ENTRIES = 50;
    private static final int COFF = 0x84;
    private static final int RDATA_DELTA = 0x400 - 0x2000; // file offset = RVA + delta inside .rdata
    private static final int LOOKUP_TABLE_RVA = 0x2028;

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderOfA32BitExecutable() throws Exception {
        Map<String, Object> pe = parse(TinyPe.pe32());

        assertThat(pe).containsEntry("format", "PE32").containsEntry("machine", "I386")
                .containsEntry("timestamp", "2020-09-13T12:26:40Z").containsEntry("subsystem", "WINDOWS_CUI")
                .containsEntry("dll", false).containsEntry("entryPoint", "0x1000")
                .containsEntry("imageBase", "0x400000")
                .containsEntry("summary", "PE32 executable, I386, WINDOWS_CUI")
                .containsEntry("warnings", List.of());
        assertThat(pe.get("characteristics")).isEqualTo(List.of("EXECUTABLE_IMAGE", "32BIT_MACHINE"));
        assertThat(pe.get("dllCharacteristics")).isEqualTo(List.of("NX_COMPAT", "NO_SEH"));
    }

    @Test
    void readsTheHeaderOfA64BitExecutable() throws Exception {
        Map<String, Object> pe = parse(TinyPe.pe32Plus());

        assertThat(pe).containsEntry("format", "PE32+").containsEntry("machine", "AMD64")
                .containsEntry("imageBase", "0x140000000").containsEntry("entryPoint", "0x1000")
                .containsEntry("warnings", List.of());
        assertThat(pe.get("characteristics")).isEqualTo(List.of("EXECUTABLE_IMAGE", "LARGE_ADDRESS_AWARE"));
        assertThat(pe.get("imports")).isEqualTo(Map.of("KERNEL32.dll", List.of("ExitProcess")));
    }

    @Test
    void listsSectionsWithSizesCharacteristicsAndEntropy() throws Exception {
        byte[] bytes = TinyPe.pe32();

        List<Map<String, Object>> sections = sections(parse(bytes));

        assertThat(sections).extracting(s -> s.get("name")).containsExactly(".text", ".rdata");
        Map<String, Object> text = sections.getFirst();
        assertThat(text).containsEntry("virtualAddress", "0x1000").containsEntry("virtualSize", 0x13L)
                .containsEntry("rawSize", 0x200L).containsEntry("rawOffset", "0x200")
                .containsEntry("entropy", entropy(bytes, 0x200, 0x400));
        assertThat(text.get("characteristics")).isEqualTo(List.of("CNT_CODE", "MEM_EXECUTE", "MEM_READ"));
        assertThat((double) text.get("entropy")).isBetween(0.1, 1.0);
        assertThat(sections.get(1).get("characteristics")).isEqualTo(List.of("CNT_INITIALIZED_DATA", "MEM_READ"));
        assertThat(sections.get(1)).containsEntry("entropy", entropy(bytes, 0x400, 0x600));
    }

    @Test
    void readsImportsAndExports() throws Exception {
        Map<String, Object> pe = parse(TinyPe.pe32());

        assertThat(pe.get("imports")).isEqualTo(Map.of("KERNEL32.dll", List.of("ExitProcess")));
        assertThat(pe.get("exports")).isEqualTo(List.of(Map.of("name", "TinyExport", "ordinal", 1L,
                "address", "0x1010")));
        assertThat(pe).containsEntry("exportName", "tiny-pe.exe");
    }

    @Test
    void importsByOrdinalAreNamedByTheirNumber() throws Exception {
        byte[] pe32 = TinyPe.pe32();
        le(pe32).putInt(LOOKUP_TABLE_RVA + RDATA_DELTA, 0x8000_0010);
        byte[] pe64 = TinyPe.pe32Plus();
        le(pe64).putLong(LOOKUP_TABLE_RVA + RDATA_DELTA, 0x8000_0000_0000_0011L);

        assertThat(parse(pe32).get("imports")).isEqualTo(Map.of("KERNEL32.dll", List.of("#16")));
        assertThat(parse(pe64).get("imports")).isEqualTo(Map.of("KERNEL32.dll", List.of("#17")));
    }

    @Test
    void recognisesOnlyFilesWithAPeSignature() throws Exception {
        byte[] dosOnly = Arrays.copyOf(TinyPe.pe32(), 0x80);

        assertThat(isPe(TinyPe.pe32())).isTrue();
        assertThat(isPe(dosOnly)).isFalse();
        assertThat(isPe("MZ but nothing else".getBytes())).isFalse();
        assertThat(isPe(Files.readAllBytes(Path.of("/bin/ls")))).isFalse();
    }

    @Test
    void everyTruncationGivesAPartialResultWithWarnings() throws Exception {
        byte[] full = TinyPe.pe32();
        for (int length = 0; length < full.length; length += length < 0x200 ? 3 : 17) {
            Map<String, Object> pe = parse(Arrays.copyOf(full, length));

            assertThat((List<?>) pe.get("warnings")).as("warnings at length %d", length).isNotEmpty();
        }
    }

    @Test
    void truncatedImportTableKeepsHeadersAndSections() throws Exception {
        Map<String, Object> pe = parse(Arrays.copyOf(TinyPe.pe32(), 0x420));

        assertThat(pe).containsEntry("machine", "I386").containsEntry("format", "PE32");
        assertThat(sections(pe)).hasSize(2);
        assertThat(warnings(pe)).anySatisfy(w -> assertThat(w).contains(".rdata", "past the end of the file"));
    }

    @Test
    void hugeSectionCountIsCappedWithAWarning() throws Exception {
        byte[] bytes = TinyPe.pe32();
        le(bytes).putShort(COFF + 2, (short) 0xffff);

        Map<String, Object> pe = parse(bytes);

        assertThat(sections(pe)).hasSizeLessThanOrEqualTo(MAX_ENTRIES);
        assertThat(warnings(pe)).contains("sections: listed " + MAX_ENTRIES + " of 65535");
    }

    @Test
    void hugeSizesAndCountsInHeadersGiveWarningsNotAllocations() throws Exception {
        byte[] bytes = TinyPe.pe32();
        ByteBuffer b = le(bytes);
        int sectionTable = COFF + 20 + 0xE0;
        b.putInt(sectionTable + 40 + 16, 0x7fff_fff0); // .rdata raw size
        b.putInt(0x2070 + RDATA_DELTA + 24, 0x7fff_ffff); // export name count

        Map<String, Object> pe = parse(bytes);

        assertThat(warnings(pe)).contains("exports: listed " + MAX_ENTRIES + " of 2147483647 names")
                .anySatisfy(w -> assertThat(w).contains(".rdata", "past the end of the file"));
        assertThat((List<?>) pe.get("exports")).hasSizeLessThanOrEqualTo(MAX_ENTRIES);
    }

    @Test
    void dllNameOutsideTheFileIsAWarning() throws Exception {
        byte[] bytes = TinyPe.pe32();
        le(bytes).putInt(0x2000 + RDATA_DELTA + 12, 0x7fff_fff0);

        Map<String, Object> pe = parse(bytes);

        assertThat(pe.get("imports")).isEqualTo(Map.of("?", List.of("ExitProcess")));
        assertThat(warnings(pe)).anySatisfy(w -> assertThat(w).contains("DLL name at RVA 0x7ffffff0"));
    }

    @Test
    void endlessThunkTableStopsAtTheEntryLimit() throws Exception {
        byte[] bytes = TinyPe.pe32();
        ByteBuffer b = le(bytes);
        b.putInt(0x2000 + RDATA_DELTA, 0x20c0); // the lookup table now starts in the padding at the end of .rdata
        for (int rva = 0x20c0; rva < 0x2200; rva += 4) {
            b.putInt(rva + RDATA_DELTA, 0x8000_0001); // 80 imports by ordinal, none ending the table
        }

        Map<String, Object> pe = parse(bytes);

        assertThat(warnings(pe)).contains("imports: listing stopped at " + MAX_ENTRIES + " entries");
        assertThat(((Map<?, ?>) pe.get("imports")).get("KERNEL32.dll")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(MAX_ENTRIES).containsOnly("#1");
    }

    @Test
    void randomCorruptionNeverThrows() throws Exception {
        Random random = new Random(20261121);
        byte[] original = TinyPe.pe32();
        for (int round = 0; round < 400; round++) {
            byte[] bytes = original.clone();
            for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                bytes[random.nextInt(0x4c0)] = (byte) (random.nextBoolean() ? 0xff : random.nextInt(256));
            }
            assertThatCode(() -> assertThat(warnings(parse(bytes))).noneMatch(w -> w.startsWith("PE parsing stopped")))
                    .doesNotThrowAnyException();
        }
    }

    private Map<String, Object> parse(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("sample.exe"), bytes);
        try (FileChannel channel = FileChannel.open(file)) {
            BinaryFile binary = new BinaryFile(channel);
            return new PeParser(binary, new RegionEntropy(binary, 1 << 20), MAX_ENTRIES).parse();
        }
    }

    private boolean isPe(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("candidate.bin"), bytes);
        try (FileChannel channel = FileChannel.open(file)) {
            return PeParser.isPe(new BinaryFile(channel));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sections(Map<String, Object> pe) {
        return (List<Map<String, Object>>) pe.get("sections");
    }

    @SuppressWarnings("unchecked")
    private static List<String> warnings(Map<String, Object> pe) {
        return (List<String>) pe.get("warnings");
    }

    private static double entropy(byte[] bytes, int from, int to) {
        ByteHistogram histogram = new ByteHistogram();
        histogram.add(bytes, from, to - from);
        return histogram.entropy();
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
