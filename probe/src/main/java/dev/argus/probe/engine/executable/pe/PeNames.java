package dev.argus.probe.engine.executable.pe;

import static dev.argus.probe.engine.binary.Flags.table;

import java.util.Map;

/** Names of PE header values, as in the PE format specification (without the {@code IMAGE_FILE_} prefixes). */
final class PeNames {

    static final Map<Long, String> MACHINES = table(0x0, "UNKNOWN", 0x14c, "I386", 0x8664, "AMD64", 0x1c0, "ARM",
            0x1c4, "ARMNT", 0xaa64, "ARM64", 0x200, "IA64", 0x166, "R4000", 0x1f0, "POWERPC", 0x5064, "RISCV64",
            0xebc, "EBC");

    static final Map<Long, String> CHARACTERISTICS = table(0x1, "RELOCS_STRIPPED", 0x2, "EXECUTABLE_IMAGE",
            0x4, "LINE_NUMS_STRIPPED", 0x8, "LOCAL_SYMS_STRIPPED", 0x10, "AGGRESSIVE_WS_TRIM",
            0x20, "LARGE_ADDRESS_AWARE", 0x80, "BYTES_REVERSED_LO", 0x100, "32BIT_MACHINE", 0x200, "DEBUG_STRIPPED",
            0x400, "REMOVABLE_RUN_FROM_SWAP", 0x800, "NET_RUN_FROM_SWAP", 0x1000, "SYSTEM", 0x2000, "DLL",
            0x4000, "UP_SYSTEM_ONLY", 0x8000, "BYTES_REVERSED_HI");

    static final Map<Long, String> SUBSYSTEMS = table(0, "UNKNOWN", 1, "NATIVE", 2, "WINDOWS_GUI", 3, "WINDOWS_CUI",
            5, "OS2_CUI", 7, "POSIX_CUI", 8, "NATIVE_WINDOWS", 9, "WINDOWS_CE_GUI", 10, "EFI_APPLICATION",
            11, "EFI_BOOT_SERVICE_DRIVER", 12, "EFI_RUNTIME_DRIVER", 13, "EFI_ROM", 14, "XBOX",
            16, "WINDOWS_BOOT_APPLICATION");

    static final Map<Long, String> DLL_CHARACTERISTICS = table(0x20, "HIGH_ENTROPY_VA", 0x40, "DYNAMIC_BASE",
            0x80, "FORCE_INTEGRITY", 0x100, "NX_COMPAT", 0x200, "NO_ISOLATION", 0x400, "NO_SEH", 0x800, "NO_BIND",
            0x1000, "APPCONTAINER", 0x2000, "WDM_DRIVER", 0x4000, "GUARD_CF", 0x8000, "TERMINAL_SERVER_AWARE");

    /** Section flags; the alignment field (bits 20-23) is left out, it only matters in object files. */
    static final Map<Long, String> SECTION_CHARACTERISTICS = table(0x8, "TYPE_NO_PAD", 0x20, "CNT_CODE",
            0x40, "CNT_INITIALIZED_DATA", 0x80, "CNT_UNINITIALIZED_DATA", 0x200, "LNK_INFO", 0x800, "LNK_REMOVE",
            0x1000, "LNK_COMDAT", 0x8000, "GPREL", 0x01000000L, "LNK_NRELOC_OVFL", 0x02000000L, "MEM_DISCARDABLE",
            0x04000000L, "MEM_NOT_CACHED", 0x08000000L, "MEM_NOT_PAGED", 0x10000000L, "MEM_SHARED",
            0x20000000L, "MEM_EXECUTE", 0x40000000L, "MEM_READ", 0x80000000L, "MEM_WRITE");

    /** Bits 20-23 of section characteristics: alignment, ignored by {@link #SECTION_CHARACTERISTICS}. */
    static final long SECTION_ALIGNMENT_MASK = 0x00F00000L;

    private PeNames() {
    }
}
