package dev.argus.probe.engine.executable.pe;

import static dev.argus.probe.engine.binary.BinaryFile.hex;
import static dev.argus.probe.engine.binary.BinaryFile.u32;
import static dev.argus.probe.engine.binary.BinaryFile.u64;

import dev.argus.probe.engine.binary.BinaryFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the import directory: DLL name to imported function names ({@code #<ordinal>} for imports by ordinal). At
 * most {@code maxEntries} DLLs and {@code maxEntries} functions in all; anything unreadable becomes a warning.
 */
final class PeImports {

    private static final int DESCRIPTOR_SIZE = 20;
    private static final int MAX_NAME = 256;

    private final BinaryFile file;
    private final AddressMap addresses;
    private final boolean wide;
    private final int maxEntries;
    private final List<String> warnings;
    private int functions;

    PeImports(BinaryFile file, AddressMap addresses, boolean wide, int maxEntries, List<String> warnings) {
        this.file = file;
        this.addresses = addresses;
        this.wide = wide;
        this.maxEntries = maxEntries;
        this.warnings = warnings;
    }

    Map<String, List<String>> read(long directoryRva) throws IOException, InterruptedException {
        Map<String, List<String>> imports = new LinkedHashMap<>();
        long directory = addresses.offsetOf(directoryRva);
        if (directory < 0) {
            warnings.add("import directory at RVA " + hex(directoryRva) + " is not stored in the file");
            return imports;
        }
        for (int index = 0; ; index++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("import parsing interrupted");
            }
            if (index >= maxEntries || functions >= maxEntries) {
                warnings.add("imports: listing stopped at " + maxEntries + " entries");
                break;
            }
            ByteBuffer descriptor = file.readFully(directory + (long) index * DESCRIPTOR_SIZE, DESCRIPTOR_SIZE);
            if (descriptor == null) {
                warnings.add("import directory runs past the end of the file after " + index + " DLLs");
                break;
            }
            long lookupTable = u32(descriptor, 0);
            long nameRva = u32(descriptor, 12);
            long addressTable = u32(descriptor, 16);
            if (nameRva == 0 && addressTable == 0) {
                break;
            }
            String dll = string(nameRva);
            if (dll == null) {
                warnings.add("import " + index + ": DLL name at RVA " + hex(nameRva) + " is not stored in the file");
                dll = "?";
            }
            readThunks(lookupTable != 0 ? lookupTable : addressTable, dll,
                    imports.computeIfAbsent(dll, name -> new ArrayList<>()));
        }
        return imports;
    }

    private void readThunks(long tableRva, String dll, List<String> names) throws IOException {
        long table = addresses.offsetOf(tableRva);
        if (table < 0) {
            warnings.add("imports of " + dll + ": thunk table at RVA " + hex(tableRva) + " is not stored in the file");
            return;
        }
        int entrySize = wide ? 8 : 4;
        for (long at = table; functions < maxEntries; at += entrySize) {
            ByteBuffer entry = file.readFully(at, entrySize);
            if (entry == null) {
                warnings.add("imports of " + dll + ": thunk table runs past the end of the file");
                return;
            }
            long value = wide ? u64(entry, 0) : u32(entry, 0);
            if (value == 0) {
                return;
            }
            functions++;
            boolean byOrdinal = wide ? value < 0 : (value & 0x8000_0000L) != 0;
            if (byOrdinal) {
                names.add("#" + (value & 0xffff));
            } else {
                long hintName = value & 0x7fff_ffffL;
                String name = string(hintName + 2);
                if (name == null) {
                    warnings.add("imports of " + dll + ": name at RVA " + hex(hintName) + " is not stored in the file");
                }
                names.add(name == null ? "?" : name);
            }
        }
    }

    private String string(long rva) throws IOException {
        long offset = addresses.offsetOf(rva);
        return offset < 0 ? null : file.cString(offset, MAX_NAME);
    }
}
