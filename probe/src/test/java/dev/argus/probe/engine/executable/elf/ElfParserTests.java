package dev.argus.probe.engine.executable.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.argus.probe.engine.binary.BinaryFile;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against {@code /bin/ls} of this machine (an x86-64 Debian PIE linked against libc) and hand-made headers. */
class ElfParserTests {

    private static final int MAX_ENTRIES = 500;
    private static byte[] ls;
    private static ByteBuffer lsHeader;

    @TempDir
    Path dir;

    @BeforeAll
    static void readLs() throws Exception {
        ls = Files.readAllBytes(Path.of("/bin/ls"));
        lsHeader = ByteBuffer.wrap(ls).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void readsTheHeaderOfBinLs() throws Exception {
        Map<String, Object> elf = parse(ls);

        assertThat(elf).containsEntry("class", "ELF64").containsEntry("endianness", "little")
                .containsEntry("type", "DYN").containsEntry("machine", "x86-64")
                .containsEntry("entryPoint", "0x" + Long.toHexString(lsHeader.getLong(24)))
                .containsEntry("summary", "ELF 64-bit LSB DYN, x86-64")
                .containsEntry("warnings", List.of());
        assertThat((String) elf.get("interpreter")).startsWith("/lib").contains("ld-linux");
    }

    @Test
    void listsSectionsAndSegmentsWithEntropy() throws Exception {
        Map<String, Object> elf = parse(ls);

        List<Map<String, Object>> sections = list(elf, "sections");
        assertThat(sections).hasSize(Short.toUnsignedInt(lsHeader.getShort(60)));
        assertThat(sections).filteredOn(s -> ".text".equals(s.get("name"))).singleElement().satisfies(text -> {
            assertThat(text).containsEntry("type", "PROGBITS").containsEntry("flags", "AX");
            assertThat((double) text.get("entropy")).isBetween(4.0, 8.0);
        });
        assertThat(sections).filteredOn(s -> ".bss".equals(s.get("name"))).singleElement()
                .satisfies(bss -> assertThat(bss).containsEntry("type", "NOBITS").doesNotContainKey("entropy"));
        List<Map<String, Object>> segments = list(elf, "segments");
        assertThat(segments).hasSize(Short.toUnsignedInt(lsHeader.getShort(56)));
        assertThat(segments).filteredOn(s -> "LOAD".equals(s.get("type")) && "R E".equals(s.get("flags")))
                .singleElement().satisfies(code -> assertThat((double) code.get("entropy")).isBetween(4.0, 8.0));
    }

    @Test
    void readsNeededLibrariesAndDynamicSymbols() throws Exception {
        Map<String, Object> elf = parse(ls);

        assertThat(list(elf, "needed")).contains("libc.so.6");
        assertThat(list(elf, "dynamicSymbols")).contains(
                Map.of("name", "__libc_start_main", "type", "FUNC", "binding", "GLOBAL", "defined", false),
                Map.of("name", "malloc", "type", "FUNC", "binding", "GLOBAL", "defined", false));
    }

    @Test
    void readsABigEndian32BitHeaderWithoutSections() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(52 + 32).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0, 0x7f45_4c46).put(4, (byte) 1).put(5, (byte) 2).put(6, (byte) 1);
        b.putShort(16, (short) 2).putShort(18, (short) 8).putInt(20, 1).putInt(24, 0x0040_0100)
                .putInt(28, 52).putShort(42, (short) 32).putShort(44, (short) 1);
        b.putInt(52, 1).putInt(56, 0).putInt(60, 0x0040_0000).putInt(68, 84).putInt(72, 84).putInt(76, 5);

        Map<String, Object> elf = parse(b.array());

        assertThat(elf).containsEntry("class", "ELF32").containsEntry("endianness", "big")
                .containsEntry("type", "EXEC").containsEntry("machine", "MIPS")
                .containsEntry("entryPoint", "0x400100").containsEntry("warnings", List.of());
        assertThat(ElfParserTests.<Map<String, Object>>list(elf, "segments")).singleElement().satisfies(load -> assertThat(load)
                .containsEntry("type", "LOAD").containsEntry("flags", "R E").containsEntry("fileSize", 84L));
        assertThat(list(elf, "sections")).isEmpty();
    }

    @Test
    void truncatedCopiesGivePartialResultsWithWarnings() throws Exception {
        for (int length = 0; length < ls.length; length += length < 256 ? 7 : ls.length / 40) {
            Map<String, Object> elf = parse(Arrays.copyOf(ls, length));

            assertThat(list(elf, "warnings")).as("warnings at length %d", length).isNotEmpty();
        }
        Map<String, Object> headerOnly = parse(Arrays.copyOf(ls, 4096));
        assertThat(headerOnly).containsEntry("machine", "x86-64");
        assertThat(list(headerOnly, "segments")).isNotEmpty();
    }

    @Test
    void hugeSymbolTableSizeIsCappedWithAWarning() throws Exception {
        byte[] bytes = ls.clone();
        int dynsym = sectionHeaderOf(bytes, 11);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(dynsym + 32, 0x7fff_fff0L * 24);

        Map<String, Object> elf = parse(bytes);

        assertThat(list(elf, "dynamicSymbols")).hasSizeLessThanOrEqualTo(MAX_ENTRIES);
        assertThat(list(elf, "warnings")).contains("dynamic symbols: listed " + MAX_ENTRIES + " of 2147483631")
                .anySatisfy(w -> assertThat((String) w).contains("past the end of the file"));
    }

    @Test
    void randomCorruptionOfTheHeadersNeverThrows() throws Exception {
        Random random = new Random(20261121);
        ByteBuffer header = ByteBuffer.wrap(ls).order(ByteOrder.LITTLE_ENDIAN);
        long sectionTable = header.getLong(40);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = ls.clone();
            for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                int at = random.nextBoolean() ? random.nextInt(0x400)
                        : (int) sectionTable + random.nextInt(bytes.length - (int) sectionTable);
                bytes[at] = (byte) (random.nextBoolean() ? 0xff : random.nextInt(256));
            }
            assertThatCode(() -> assertThat(ElfParserTests.<String>list(parse(bytes), "warnings"))
                    .noneMatch(w -> w.startsWith("ELF parsing stopped"))).doesNotThrowAnyException();
        }
    }

    @Test
    void recognisesOnlyElfFiles() throws Exception {
        assertThat(isElf(ls)).isTrue();
        assertThat(isElf("\u007fEL".getBytes())).isFalse();
        assertThat(isElf("MZ".getBytes())).isFalse();
    }

    private Map<String, Object> parse(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("sample.elf"), bytes);
        try (FileChannel channel = FileChannel.open(file)) {
            BinaryFile binary = new BinaryFile(channel);
            return new ElfParser(binary, new RegionEntropy(binary, 4L * bytes.length), MAX_ENTRIES).parse();
        }
    }

    private boolean isElf(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("candidate.bin"), bytes);
        try (FileChannel channel = FileChannel.open(file)) {
            return ElfParser.isElf(new BinaryFile(channel));
        }
    }

    /** The file offset of the first section header of the given type in a 64-bit little-endian ELF. */
    private static int sectionHeaderOf(byte[] bytes, int type) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int table = (int) b.getLong(40);
        int count = Short.toUnsignedInt(b.getShort(60));
        for (int i = 0; i < count; i++) {
            if (b.getInt(table + i * 64 + 4) == type) {
                return table + i * 64;
            }
        }
        throw new IllegalStateException("no section of type " + type);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> elf, String key) {
        return (List<T>) elf.get(key);
    }
}
