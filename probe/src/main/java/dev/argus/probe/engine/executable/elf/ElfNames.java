package dev.argus.probe.engine.executable.elf;

import static dev.argus.probe.engine.binary.Flags.table;

import java.util.Map;

/** Names of ELF header values, as {@code readelf} shows them. */
final class ElfNames {

    static final Map<Long, String> TYPES = table(0, "NONE", 1, "REL", 2, "EXEC", 3, "DYN", 4, "CORE");

    static final Map<Long, String> MACHINES = table(0, "none", 2, "SPARC", 3, "x86", 8, "MIPS", 20, "PowerPC",
            21, "PowerPC64", 22, "S/390", 40, "ARM", 43, "SPARC V9", 50, "IA-64", 62, "x86-64", 183, "AArch64",
            243, "RISC-V", 247, "BPF", 258, "LoongArch");

    static final Map<Long, String> SECTION_TYPES = table(0, "NULL", 1, "PROGBITS", 2, "SYMTAB", 3, "STRTAB",
            4, "RELA", 5, "HASH", 6, "DYNAMIC", 7, "NOTE", 8, "NOBITS", 9, "REL", 10, "SHLIB", 11, "DYNSYM",
            14, "INIT_ARRAY", 15, "FINI_ARRAY", 16, "PREINIT_ARRAY", 17, "GROUP", 18, "SYMTAB_SHNDX",
            0x6ffffff5L, "GNU_ATTRIBUTES", 0x6ffffff6L, "GNU_HASH", 0x6ffffffdL, "VERDEF", 0x6ffffffeL, "VERNEED",
            0x6fffffffL, "VERSYM");

    static final Map<Long, String> SECTION_FLAGS = table(0x1, "W", 0x2, "A", 0x4, "X", 0x10, "M", 0x20, "S",
            0x40, "I", 0x80, "L", 0x100, "O", 0x200, "G", 0x400, "T", 0x800, "C", 0x80000000L, "E");

    static final Map<Long, String> SEGMENT_TYPES = table(0, "NULL", 1, "LOAD", 2, "DYNAMIC", 3, "INTERP", 4, "NOTE",
            5, "SHLIB", 6, "PHDR", 7, "TLS", 0x6474e550L, "GNU_EH_FRAME", 0x6474e551L, "GNU_STACK",
            0x6474e552L, "GNU_RELRO", 0x6474e553L, "GNU_PROPERTY");

    static final Map<Long, String> SYMBOL_TYPES = table(0, "NOTYPE", 1, "OBJECT", 2, "FUNC", 3, "SECTION", 4, "FILE",
            5, "COMMON", 6, "TLS", 10, "GNU_IFUNC");

    static final Map<Long, String> SYMBOL_BINDINGS = table(0, "LOCAL", 1, "GLOBAL", 2, "WEAK", 10, "GNU_UNIQUE");

    private ElfNames() {
    }

    /** Segment permissions as {@code readelf} prints them, e.g. {@code R E}. */
    static String segmentFlags(long flags) {
        return ((flags & 4) != 0 ? "R" : " ") + ((flags & 2) != 0 ? "W" : " ") + ((flags & 1) != 0 ? "E" : " ");
    }
}
