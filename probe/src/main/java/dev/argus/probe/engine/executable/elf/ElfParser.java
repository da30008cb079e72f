package dev.argus.probe.engine.executable.elf;

import static dev.argus.probe.engine.binary.BinaryFile.hex;
import static dev.argus.probe.engine.binary.BinaryFile.u16;
import static dev.argus.probe.engine.binary.BinaryFile.u32;
import static dev.argus.probe.engine.binary.BinaryFile.word;

import dev.argus.probe.engine.binary.BinaryFile;
import dev.argus.probe.engine.binary.Flags;
import dev.argus.probe.engine.binary.RegionEntropy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ELF file (Linux/BSD executable, shared object, object or core file): header, section and program headers
 * with each one's entropy, the interpreter, the needed libraries ({@code DT_NEEDED}) and the dynamic symbols. Written
 * for hostile input: every offset and count comes from the file, so every read is bounded by the file and by
 * {@code maxEntries}; a malformed or truncated file gives what could be read plus a {@code warnings} entry, never an
 * exception (other than I/O failure or interruption).
 */
public final class ElfParser {

    private static final int SHT_DYNAMIC = 6;
    private static final int SHT_NOBITS = 8;
    private static final int SHT_DYNSYM = 11;
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_INTERP = 3;
    private static final int MAX_NAME = 256;
    private static final int MAX_DYNAMIC_ENTRIES = 4096;

    private final BinaryFile file;
    private final RegionEntropy entropy;
    private final int maxEntries;
    private final List<String> warnings = new ArrayList<>();
    private boolean wide;

    private record Section(String name, long type, long offset, long size, long link, long entrySize) {
    }

    private record Segment(long type, long offset, long virtualAddress, long fileSize) {
    }

    /**
     * @param entropy    computes section and segment entropy (with its own read budget)
     * @param maxEntries the most sections, segments, needed libraries and dynamic symbols listed
     */
    public ElfParser(BinaryFile file, RegionEntropy entropy, int maxEntries) {
        this.file = file;
        this.entropy = entropy;
        this.maxEntries = maxEntries;
    }

    /** True when the file starts with the ELF magic {@code 7f 'E' 'L' 'F'}. */
    public static boolean isElf(BinaryFile file) throws IOException {
        ByteBuffer magic = file.readFully(0, 4);
        return magic != null && magic.order(ByteOrder.BIG_ENDIAN).getInt(0) == 0x7f45_4c46;
    }

    /** Everything readable, with {@code warnings} last (empty when the file is well-formed). */
    public Map<String, Object> parse() throws IOException, InterruptedException {
        Map<String, Object> elf = new LinkedHashMap<>();
        try {
            read(elf);
        } catch (RuntimeException e) {
            warnings.add("ELF parsing stopped: " + e);
        }
        elf.put("warnings", List.copyOf(warnings));
        return elf;
    }

    private void read(Map<String, Object> elf) throws IOException, InterruptedException {
        ByteBuffer ident = file.readFully(0, 16);
        if (ident == null) {
            warnings.add("ELF identification runs past the end of the file");
            return;
        }
        int elfClass = ident.get(4);
        int encoding = ident.get(5);
        if ((elfClass != 1 && elfClass != 2) || (encoding != 1 && encoding != 2)) {
            warnings.add("unknown ELF class " + elfClass + " or data encoding " + encoding);
            return;
        }
        wide = elfClass == 2;
        file.order(encoding == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        elf.put("class", wide ? "ELF64" : "ELF32");
        elf.put("endianness", encoding == 1 ? "little" : "big");
        ByteBuffer header = file.readFully(0, wide ? 64 : 52);
        if (header == null) {
            warnings.add("ELF header runs past the end of the file");
            return;
        }
        int type = u16(header, 16);
        int machine = u16(header, 18);
        elf.put("type", Flags.name(type, ElfNames.TYPES));
        elf.put("machine", Flags.name(machine, ElfNames.MACHINES));
        elf.put("entryPoint", hex(word(header, 24, wide)));
        elf.put("summary", (wide ? "ELF 64-bit " : "ELF 32-bit ") + (encoding == 1 ? "LSB " : "MSB ")
                + Flags.name(type, ElfNames.TYPES) + ", " + Flags.name(machine, ElfNames.MACHINES));

        List<Segment> segments = new ArrayList<>();
        elf.put("segments", segments(header, segments));
        List<Section> sections = new ArrayList<>();
        elf.put("sections", sections(header, sections));
        interpreter(segments).ifPresent(interpreter -> elf.put("interpreter", interpreter));
        elf.put("needed", needed(sections, segments));
        elf.put("dynamicSymbols", dynamicSymbols(sections));
        if (entropy.exhausted()) {
            warnings.add("entropy not computed for some sections or segments: they overlap too much (read budget"
                    + " spent)");
        }
    }

    private List<Map<String, Object>> segments(ByteBuffer header, List<Segment> segments)
            throws IOException, InterruptedException {
        long offset = word(header, wide ? 32 : 28, wide);
        int entrySize = u16(header, wide ? 54 : 42);
        int count = u16(header, wide ? 56 : 44);
        int expected = wide ? 56 : 32;
        List<Map<String, Object>> listed = new ArrayList<>();
        if (count == 0 || offset == 0) {
            return listed;
        }
        if (entrySize < expected) {
            warnings.add("program header entries are " + entrySize + " bytes, expected " + expected);
            return listed;
        }
        for (int i = 0; i < count; i++) {
            if (i == maxEntries) {
                warnings.add("segments: listed " + maxEntries + " of " + count);
                break;
            }
            ByteBuffer entry = file.readFully(offset + (long) i * entrySize, expected);
            if (entry == null) {
                warnings.add("program header table runs past the end of the file: " + i + " of " + count
                        + " segments");
                break;
            }
            long type = u32(entry, 0);
            long flags = u32(entry, wide ? 4 : 24);
            long fileOffset = word(entry, wide ? 8 : 4, wide);
            long virtualAddress = word(entry, wide ? 16 : 8, wide);
            long fileSize = word(entry, wide ? 32 : 16, wide);
            long memorySize = word(entry, wide ? 40 : 20, wide);
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("type", Flags.name(type, ElfNames.SEGMENT_TYPES));
            segment.put("flags", ElfNames.segmentFlags(flags));
            segment.put("offset", hex(fileOffset));
            segment.put("virtualAddress", hex(virtualAddress));
            segment.put("fileSize", fileSize);
            segment.put("memorySize", memorySize);
            putEntropy(segment, "segment " + i, fileOffset, fileSize);
            listed.add(segment);
            segments.add(new Segment(type, fileOffset, virtualAddress, fileSize));
        }
        return listed;
    }

    private List<Map<String, Object>> sections(ByteBuffer header, List<Section> sections)
            throws IOException, InterruptedException {
        long offset = word(header, wide ? 40 : 32, wide);
        int entrySize = u16(header, wide ? 58 : 46);
        long count = u16(header, wide ? 60 : 48);
        long namesIndex = u16(header, wide ? 62 : 50);
        int expected = wide ? 64 : 40;
        List<Map<String, Object>> listed = new ArrayList<>();
        if (offset == 0) {
            return listed;
        }
        if (entrySize < expected) {
            warnings.add("section header entries are " + entrySize + " bytes, expected " + expected);
            return listed;
        }
        ByteBuffer first = file.readFully(offset, expected);
        if (first == null) {
            warnings.add("section header table runs past the end of the file");
            return listed;
        }
        if (count == 0) {
            count = word(first, wide ? 32 : 20, wide); // extended numbering: the count is section 0's sh_size
        }
        if (namesIndex == 0xffff) {
            namesIndex = u32(first, wide ? 40 : 24); // and the names index its sh_link
        }
        List<ByteBuffer> entries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (i == maxEntries) {
                warnings.add("sections: listed " + maxEntries + " of " + count);
                break;
            }
            ByteBuffer entry = file.readFully(offset + i * entrySize, expected);
            if (entry == null) {
                warnings.add("section header table runs past the end of the file: " + i + " of " + count
                        + " sections");
                break;
            }
            entries.add(entry);
        }
        ByteBuffer names = namesIndex < entries.size() ? entries.get((int) namesIndex) : null;
        if (names == null && !entries.isEmpty()) {
            warnings.add("section name table index " + namesIndex + " is not a listed section");
        }
        for (int i = 0; i < entries.size(); i++) {
            ByteBuffer entry = entries.get(i);
            long type = u32(entry, 4);
            long flags = word(entry, 8, wide);
            long fileOffset = word(entry, wide ? 24 : 16, wide);
            long size = word(entry, wide ? 32 : 20, wide);
            String name = names == null ? "" : string(names, u32(entry, 0));
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("name", name);
            section.put("type", Flags.name(type, ElfNames.SECTION_TYPES));
            section.put("flags", String.join("", Flags.names(flags, ElfNames.SECTION_FLAGS)));
            section.put("address", hex(word(entry, wide ? 16 : 12, wide)));
            section.put("offset", hex(fileOffset));
            section.put("size", size);
            if (type != SHT_NOBITS) {
                putEntropy(section, "section " + (name.isEmpty() ? i : name), fileOffset, size);
            }
            listed.add(section);
            sections.add(new Section(name, type, fileOffset, size, u32(entry, wide ? 40 : 24),
                    word(entry, wide ? 56 : 36, wide)));
        }
        return listed;
    }

    private Optional<String> interpreter(List<Segment> segments) throws IOException {
        for (Segment segment : segments) {
            if (segment.type() == PT_INTERP) {
                int length = (int) Math.max(0, Math.min(segment.fileSize(), 4096));
                return Optional.ofNullable(file.cString(segment.offset(), length));
            }
        }
        return Optional.empty();
    }

    private List<String> needed(List<Section> sections, List<Segment> segments) throws IOException {
        long tableOffset = -1;
        long tableSize = 0;
        Section strings = null;
        for (Section section : sections) {
            if (section.type() == SHT_DYNAMIC) {
                tableOffset = section.offset();
                tableSize = section.size();
                strings = section.link() < sections.size() ? sections.get((int) section.link()) : null;
                break;
            }
        }
        if (tableOffset < 0) {
            for (Segment segment : segments) {
                if (segment.type() == PT_DYNAMIC) {
                    tableOffset = segment.offset();
                    tableSize = segment.fileSize();
                    break;
                }
            }
        }
        List<String> needed = new ArrayList<>();
        if (tableOffset < 0) {
            return needed;
        }
        int entrySize = wide ? 16 : 8;
        long count = tableSize > 0 ? Math.min(tableSize / entrySize, MAX_DYNAMIC_ENTRIES) : 0;
        ByteBuffer table = file.read(tableOffset, (int) (count * entrySize));
        if (table.limit() < count * entrySize) {
            warnings.add("dynamic table runs past the end of the file");
        }
        List<Long> neededOffsets = new ArrayList<>();
        long stringTableAddress = -1;
        long stringTableSize = 0;
        for (int at = 0; at + entrySize <= table.limit(); at += entrySize) {
            long tag = wide ? table.getLong(at) : table.getInt(at);
            long value = word(table, at + entrySize / 2, wide);
            if (tag == 0) {
                break;
            } else if (tag == 1) {
                neededOffsets.add(value);
            } else if (tag == 5) {
                stringTableAddress = value;
            } else if (tag == 10) {
                stringTableSize = value;
            }
        }
        long stringsOffset;
        long stringsSize;
        if (strings != null) {
            stringsOffset = strings.offset();
            stringsSize = strings.size();
        } else {
            stringsOffset = fileOffsetOf(stringTableAddress, segments);
            stringsSize = stringTableSize;
        }
        for (long nameOffset : neededOffsets) {
            if (needed.size() == maxEntries) {
                warnings.add("needed libraries: listed " + maxEntries + " of " + neededOffsets.size());
                break;
            }
            String name = stringsOffset < 0 || nameOffset >= stringsSize ? null
                    : file.cString(stringsOffset + nameOffset, (int) Math.min(MAX_NAME, stringsSize - nameOffset));
            if (name == null) {
                warnings.add("needed library name at string offset " + nameOffset + " is not in the file");
            }
            needed.add(name == null ? "?" : name);
        }
        return needed;
    }

    private List<Map<String, Object>> dynamicSymbols(List<Section> sections) throws IOException, InterruptedException {
        List<Map<String, Object>> symbols = new ArrayList<>();
        Section table = sections.stream().filter(section -> section.type() == SHT_DYNSYM).findFirst().orElse(null);
        if (table == null) {
            return symbols;
        }
        int entrySize = wide ? 24 : 16;
        if (table.entrySize() != 0 && table.entrySize() != entrySize) {
            warnings.add("dynamic symbol entries are " + table.entrySize() + " bytes, expected " + entrySize);
            return symbols;
        }
        long count = Math.max(0, table.size() / entrySize - 1); // entry 0 is the undefined symbol
        int listed = (int) Math.min(count, maxEntries);
        if (count > maxEntries) {
            warnings.add("dynamic symbols: listed " + maxEntries + " of " + count);
        }
        ByteBuffer entries = file.read(table.offset() + entrySize, listed * entrySize);
        if (entries.limit() < listed * entrySize) {
            warnings.add("dynamic symbol table runs past the end of the file");
        }
        Section strings = table.link() < sections.size() ? sections.get((int) table.link()) : null;
        for (int at = 0; at + entrySize <= entries.limit(); at += entrySize) {
            if (Thread.interrupted()) {
                throw new InterruptedException("symbol parsing interrupted");
            }
            long nameOffset = u32(entries, at);
            int info = entries.get(at + (wide ? 4 : 12)) & 0xff;
            int sectionIndex = u16(entries, at + (wide ? 6 : 14));
            String name = strings == null || nameOffset >= strings.size() ? null
                    : file.cString(strings.offset() + nameOffset, (int) Math.min(MAX_NAME, strings.size() - nameOffset));
            Map<String, Object> symbol = new LinkedHashMap<>();
            symbol.put("name", name == null ? "?" : name);
            symbol.put("type", Flags.name(info & 0xf, ElfNames.SYMBOL_TYPES));
            symbol.put("binding", Flags.name(info >> 4, ElfNames.SYMBOL_BINDINGS));
            symbol.put("defined", sectionIndex != 0);
            symbols.add(symbol);
        }
        return symbols;
    }

    private void putEntropy(Map<String, Object> target, String what, long offset, long size)
            throws IOException, InterruptedException {
        if (size == 0) {
            return;
        }
        if (!file.contains(offset, size)) {
            warnings.add(what + ": data runs past the end of the file");
        }
        Double bits = entropy.of(offset, size);
        if (bits != null) {
            target.put("entropy", bits);
        }
    }

    /** A name from the section name table. */
    private String string(ByteBuffer namesSection, long nameOffset) throws IOException {
        long offset = word(namesSection, wide ? 24 : 16, wide);
        long size = word(namesSection, wide ? 32 : 20, wide);
        if (nameOffset < 0 || nameOffset >= size) {
            return "";
        }
        String name = file.cString(offset + nameOffset, (int) Math.min(MAX_NAME, size - nameOffset));
        return name == null ? "" : name;
    }

    /** The file offset of a virtual address inside a loaded segment, or -1. */
    private static long fileOffsetOf(long address, List<Segment> segments) {
        for (Segment segment : segments) {
            if (segment.type() == PT_LOAD && address >= segment.virtualAddress()
                    && address - segment.virtualAddress() < segment.fileSize()) {
                return segment.offset() + (address - segment.virtualAddress());
            }
        }
        return -1;
    }
}
