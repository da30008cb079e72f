package dev.argus.probe.engine.executable.pe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a minimal but valid Windows executable for tests: two sections ({@code .text} with code, {@code .rdata} with
 * the import and export tables), one import ({@code KERNEL32.dll!ExitProcess}) and one export ({@code TinyExport}).
 * The code calls ExitProcess(0); the export returns 0. {@code file} says "PE32 executable (console) Intel 80386, for
 * MS Windows" for the 32-bit flavour.
 */
public final class TinyPe {

    public static final long TIMESTAMP = 0x5F5E_1000L; // 2020-09-13T12:26:40Z
    public static final long IMAGE_BASE_32 = 0x40_0000L;
    public static final long IMAGE_BASE_64 = 0x1_4000_0000L;
    public static final int ENTRY_POINT = 0x1000;
    public static final int EXPORT_RVA = 0x1010;
    public static final int FILE_SIZE = 0x600;

    private static final int PE_OFFSET = 0x80;
    private static final int TEXT_RVA = 0x1000;
    private static final int RDATA_RVA = 0x2000;
    private static final int TEXT_RAW = 0x200;
    private static final int RDATA_RAW = 0x400;

    private TinyPe() {
    }

    /** A 32-bit (PE32, i386) executable. */
    public static byte[] pe32() {
        return build(false);
    }

    /** A 64-bit (PE32+, AMD64) executable. */
    public static byte[] pe32Plus() {
        return build(true);
    }

    private static byte[] build(boolean wide) {
        ByteBuffer b = ByteBuffer.allocate(FILE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, PE_OFFSET);
        b.put(PE_OFFSET, ascii("PE\0\0"));

        int coff = PE_OFFSET + 4;
        int optionalSize = wide ? 0xF0 : 0xE0;
        b.putShort(coff, (short) (wide ? 0x8664 : 0x14c)) // machine
                .putShort(coff + 2, (short) 2) // sections
                .putInt(coff + 4, (int) TIMESTAMP)
                .putShort(coff + 16, (short) optionalSize)
                .putShort(coff + 18, (short) (wide ? 0x0022 : 0x0102)); // EXECUTABLE_IMAGE + LARGE_ADDRESS/32BIT

        // .rdata layout: import descriptors, lookup table, address table, hint/name, DLL name, export directory
        int thunk = wide ? 8 : 4;
        int importDirectory = RDATA_RVA;
        int lookupTable = importDirectory + 40;
        int addressTable = lookupTable + 2 * thunk;
        int hintName = addressTable + 2 * thunk;
        int dllName = hintName + 2 + 12;
        int exportDirectory = 0x2070;
        int exportAddresses = exportDirectory + 40;
        int exportNames = exportAddresses + 4;
        int exportOrdinals = exportNames + 4;
        int exportName = exportOrdinals + 4;
        int moduleName = exportName + 12;
        int rdataEnd = moduleName + 12;

        int opt = coff + 20;
        b.putShort(opt, (short) (wide ? 0x20b : 0x10b)).put(opt + 2, (byte) 14)
                .putInt(opt + 4, 0x200).putInt(opt + 8, 0x200) // size of code, of initialised data
                .putInt(opt + 16, ENTRY_POINT).putInt(opt + 20, TEXT_RVA);
        if (wide) {
            b.putLong(opt + 24, IMAGE_BASE_64);
        } else {
            b.putInt(opt + 24, RDATA_RVA).putInt(opt + 28, (int) IMAGE_BASE_32);
        }
        b.putInt(opt + 32, 0x1000).putInt(opt + 36, 0x200) // section and file alignment
                .putShort(opt + 40, (short) 6).putShort(opt + 48, (short) 6) // OS and subsystem version 6.0
                .putInt(opt + 56, 0x3000).putInt(opt + 60, 0x200) // size of image, of headers
                .putShort(opt + 68, (short) 3) // WINDOWS_CUI
                .putShort(opt + 70, (short) 0x0500); // NX_COMPAT | NO_SEH
        int stack = opt + 72;
        if (wide) {
            b.putLong(stack, 0x10_0000).putLong(stack + 8, 0x1000).putLong(stack + 16, 0x10_0000)
                    .putLong(stack + 24, 0x1000);
        } else {
            b.putInt(stack, 0x10_0000).putInt(stack + 4, 0x1000).putInt(stack + 8, 0x10_0000)
                    .putInt(stack + 12, 0x1000);
        }
        int directories = opt + (wide ? 112 : 96);
        b.putInt(directories - 4, 16)
                .putInt(directories, exportDirectory).putInt(directories + 4, rdataEnd - exportDirectory)
                .putInt(directories + 8, importDirectory).putInt(directories + 12, 40)
                .putInt(directories + 12 * 8, addressTable).putInt(directories + 12 * 8 + 4, 2 * thunk);

        int sections = opt + optionalSize;
        section(b, sections, ".text", 0x13, TEXT_RVA, TEXT_RAW, 0x6000_0020); // CODE | EXECUTE | READ
        section(b, sections + 40, ".rdata", rdataEnd - RDATA_RVA, RDATA_RVA, RDATA_RAW, 0x4000_0040); // DATA | READ

        // .text: push 0; call [ExitProcess]   ...   TinyExport: xor eax, eax; ret
        b.put(TEXT_RAW, (byte) 0x6a).put(TEXT_RAW + 1, (byte) 0).put(TEXT_RAW + 2, (byte) 0xff)
                .put(TEXT_RAW + 3, (byte) 0x15);
        b.putInt(TEXT_RAW + 4, wide ? addressTable - (TEXT_RVA + 8) : (int) IMAGE_BASE_32 + addressTable);
        int export = TEXT_RAW + (EXPORT_RVA - TEXT_RVA);
        b.put(export, (byte) 0x31).put(export + 1, (byte) 0xc0).put(export + 2, (byte) 0xc3);

        int r = RDATA_RAW - RDATA_RVA; // file offset = RVA + r inside .rdata
        b.putInt(importDirectory + r, lookupTable).putInt(importDirectory + r + 12, dllName)
                .putInt(importDirectory + r + 16, addressTable);
        b.putInt(lookupTable + r, hintName).putInt(addressTable + r, hintName);
        b.put(hintName + r + 2, ascii("ExitProcess\0"));
        b.put(dllName + r, ascii("KERNEL32.dll\0"));
        b.putInt(exportDirectory + r + 4, (int) TIMESTAMP).putInt(exportDirectory + r + 12, moduleName)
                .putInt(exportDirectory + r + 16, 1) // ordinal base
                .putInt(exportDirectory + r + 20, 1).putInt(exportDirectory + r + 24, 1)
                .putInt(exportDirectory + r + 28, exportAddresses).putInt(exportDirectory + r + 32, exportNames)
                .putInt(exportDirectory + r + 36, exportOrdinals);
        b.putInt(exportAddresses + r, EXPORT_RVA).putInt(exportNames + r, exportName)
                .putShort(exportOrdinals + r, (short) 0);
        b.put(exportName + r, ascii("TinyExport\0"));
        b.put(moduleName + r, ascii("tiny-pe.exe\0"));
        return b.array();
    }

    private static void section(ByteBuffer b, int at, String name, int virtualSize, int rva, int raw, int flags) {
        b.put(at, ascii(name));
        b.putInt(at + 8, virtualSize).putInt(at + 12, rva).putInt(at + 16, 0x200).putInt(at + 20, raw)
                .putInt(at + 36, flags);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
