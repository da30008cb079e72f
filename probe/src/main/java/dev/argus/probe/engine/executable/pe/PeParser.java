package dev.argus.probe.engine.executable.pe;

import static dev.argus.probe.engine.binary.BinaryFile.hex;
import static dev.argus.probe.engine.binary.BinaryFile.u16;
import static dev.argus.probe.engine.binary.BinaryFile.u32;
import static dev.argus.probe.engine.binary.BinaryFile.u64;

import dev.argus.probe.engine.binary.BinaryFile;
import dev.argus.probe.engine.binary.Flags;
import dev.argus.probe.engine.binary.RegionEntropy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PE (Windows executable, DLL, driver) file: COFF and optional header fields, the section table with each
 * section's entropy, imports and exports. Written for hostile input: every offset and count comes from the file, so
 * every read is bounded by the file and by {@code maxEntries}; a malformed or truncated file gives what could be read
 * plus a {@code warnings} entry, never an exception (other than I/O failure or interruption).
 */
public final class PeParser {

    private static final int COFF_SIZE = 20;
    private static final int SECTION_SIZE = 40;
    private static final int PE32 = 0x10b;
    private static final int PE32_PLUS = 0x20b;

    private final BinaryFile file;
    private final RegionEntropy entropy;
    private final int maxEntries;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param entropy    computes section entropy (with its own read budget)
     * @param maxEntries the most sections, DLLs, imported functions and exports listed
     */
    public PeParser(BinaryFile file, RegionEntropy entropy, int maxEntries) {
        this.file = file;
        this.entropy = entropy;
        this.maxEntries = maxEntries;
    }

    /** True when the file starts with {@code MZ} and {@code e_lfanew} points at a {@code PE\0\0} signature. */
    public static boolean isPe(BinaryFile file) throws IOException {
        ByteBuffer dos = file.readFully(0, 64);
        if (dos == null || dos.get(0) != 'M' || dos.get(1) != 'Z') {
            return false;
        }
        ByteBuffer signature = file.readFully(u32(dos, 0x3c), 4);
        return signature != null && signature.getInt(0) == 0x0000_4550;
    }

    /** Everything readable, with {@code warnings} last (empty when the file is well-formed). */
    public Map<String, Object> parse() throws IOException, InterruptedException {
        Map<String, Object> pe = new LinkedHashMap<>();
        try {
            read(pe);
        } catch (RuntimeException e) {
            warnings.add("PE parsing stopped: " + e);
        }
        pe.put("warnings", List.copyOf(warnings));
        return pe;
    }

    private void read(Map<String, Object> pe) throws IOException, InterruptedException {
        long peOffset = u32(file.readFully(0, 64), 0x3c);
        ByteBuffer coff = file.readFully(peOffset + 4, COFF_SIZE);
        if (coff == null) {
            warnings.add("COFF header runs past the end of the file");
            return;
        }
        int machine = u16(coff, 0);
        int sectionCount = u16(coff, 2);
        long timestamp = u32(coff, 4);
        int optionalSize = u16(coff, 16);
        int characteristics = u16(coff, 18);
        pe.put("machine", Flags.name(machine, PeNames.MACHINES));
        pe.put("timestamp", Instant.ofEpochSecond(timestamp).toString());
        pe.put("characteristics", Flags.names(characteristics, PeNames.CHARACTERISTICS));
        pe.put("dll", (characteristics & 0x2000) != 0);

        ByteBuffer optional = file.read(peOffset + 4 + COFF_SIZE, Math.min(optionalSize, 240));
        OptionalHeader header = OptionalHeader.of(optional, optionalSize);
        header.describe(pe, warnings);

        List<AddressMap.Placement> placements = new ArrayList<>();
        pe.put("sections", sections(peOffset + 4 + COFF_SIZE + optionalSize, sectionCount, placements));
        AddressMap addresses = new AddressMap(placements, header.sizeOfHeaders());
        if (header.importRva() > 0) {
            pe.put("imports", new PeImports(file, addresses, header.wide(), maxEntries, warnings)
                    .read(header.importRva()));
        } else {
            pe.put("imports", Map.of());
        }
        if (header.exportRva() > 0) {
            PeExports.Table exports = new PeExports(file, addresses, maxEntries, warnings)
                    .read(header.exportRva(), header.exportSize());
            if (exports.moduleName() != null) {
                pe.put("exportName", exports.moduleName());
            }
            pe.put("exports", exports.entries());
        } else {
            pe.put("exports", List.of());
        }
        pe.put("summary", summary(header, characteristics, machine));
    }

    private List<Map<String, Object>> sections(long tableOffset, int count, List<AddressMap.Placement> placements)
            throws IOException, InterruptedException {
        int listed = Math.min(count, maxEntries);
        if (count > maxEntries) {
            warnings.add("sections: listed " + maxEntries + " of " + count);
        }
        ByteBuffer table = file.read(tableOffset, listed * SECTION_SIZE);
        int present = table.limit() / SECTION_SIZE;
        if (present < listed) {
            warnings.add("section table runs past the end of the file: " + present + " of " + count + " sections");
        }
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < present; i++) {
            int at = i * SECTION_SIZE;
            long virtualSize = u32(table, at + 8);
            long virtualAddress = u32(table, at + 12);
            long rawSize = u32(table, at + 16);
            long rawOffset = u32(table, at + 20);
            long flags = u32(table, at + 36);
            String name = name(table, at);
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("name", name);
            section.put("virtualAddress", hex(virtualAddress));
            section.put("virtualSize", virtualSize);
            section.put("rawSize", rawSize);
            section.put("rawOffset", hex(rawOffset));
            Double bits = entropy.of(rawOffset, rawSize);
            if (bits != null) {
                section.put("entropy", bits);
            }
            section.put("characteristics", Flags.names(flags & ~PeNames.SECTION_ALIGNMENT_MASK,
                    PeNames.SECTION_CHARACTERISTICS));
            if (rawSize > 0 && !file.contains(rawOffset, rawSize)) {
                warnings.add("section " + name + ": raw data runs past the end of the file");
            }
            sections.add(section);
            placements.add(new AddressMap.Placement(virtualAddress, virtualSize, rawOffset, rawSize));
        }
        if (entropy.exhausted()) {
            warnings.add("entropy not computed for some sections: they overlap too much (read budget spent)");
        }
        return sections;
    }

    private static String name(ByteBuffer table, int at) {
        int end = at;
        while (end < at + 8 && table.get(end) != 0) {
            end++;
        }
        return BinaryFile.printable(table, at, end);
    }

    private static String summary(OptionalHeader header, int characteristics, int machine) {
        String kind = (characteristics & 0x2000) != 0 ? "DLL" : (characteristics & 0x2) != 0 ? "executable" : "object";
        return String.join(" ", header.format() == null ? "PE" : header.format(), kind) + ", "
                + Flags.name(machine, PeNames.MACHINES)
                + (header.subsystem() >= 0 ? ", " + Flags.name(header.subsystem(), PeNames.SUBSYSTEMS) : "");
    }

    /** The optional header fields used here; -1 for a field the (possibly truncated) header does not hold. */
    private record OptionalHeader(String format, boolean wide, long entryPoint, long imageBase, int subsystem,
                                  int dllCharacteristics, long sizeOfHeaders, long exportRva, long exportSize,
                                  long importRva, boolean truncated) {

        static OptionalHeader of(ByteBuffer optional, int declaredSize) {
            int magic = u16(optional, 0);
            boolean wide = magic == PE32_PLUS;
            String format = magic == PE32 ? "PE32" : wide ? "PE32+" : null;
            long directories = u32(optional, wide ? 108 : 92);
            int firstDirectory = wide ? 112 : 96;
            long exportRva = directories > 0 ? u32(optional, firstDirectory) : 0;
            long exportSize = directories > 0 ? u32(optional, firstDirectory + 4) : 0;
            long importRva = directories > 1 ? u32(optional, firstDirectory + 8) : 0;
            boolean truncated = optional.limit() < Math.min(declaredSize, firstDirectory + 16);
            return new OptionalHeader(format, wide, u32(optional, 16), wide ? u64(optional, 24) : u32(optional, 28),
                    u16(optional, 68), u16(optional, 70), u32(optional, 60), exportRva, exportSize, importRva,
                    truncated);
        }

        void describe(Map<String, Object> pe, List<String> warnings) {
            if (format == null) {
                warnings.add("optional header missing or with an unknown magic number");
                return;
            }
            pe.put("format", format);
            if (truncated) {
                warnings.add("optional header runs past the end of the file or is shorter than its fields");
            }
            if (entryPoint >= 0) {
                pe.put("entryPoint", hex(entryPoint));
            }
            if (imageBase != -1) {
                pe.put("imageBase", hex(imageBase));
            }
            if (subsystem >= 0) {
                pe.put("subsystem", Flags.name(subsystem, PeNames.SUBSYSTEMS));
            }
            if (dllCharacteristics >= 0) {
                pe.put("dllCharacteristics", Flags.names(dllCharacteristics, PeNames.DLL_CHARACTERISTICS));
            }
        }
    }
}
