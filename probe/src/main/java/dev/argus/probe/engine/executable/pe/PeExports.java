package dev.argus.probe.engine.executable.pe;

import static dev.argus.probe.engine.binary.BinaryFile.hex;
import static dev.argus.probe.engine.binary.BinaryFile.u16;
import static dev.argus.probe.engine.binary.BinaryFile.u32;

import dev.argus.probe.engine.binary.BinaryFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the export directory: the exported names with their ordinal and address (or forwarder, e.g.
 * {@code NTDLL.RtlAllocateHeap}). At most {@code maxEntries} names; anything unreadable becomes a warning.
 */
final class PeExports {

    /** What the export directory says. */
    record Table(String moduleName, long functionCount, long nameCount, List<Map<String, Object>> entries) {
    }

    private static final int DIRECTORY_SIZE = 40;
    private static final int MAX_NAME = 256;

    private final BinaryFile file;
    private final AddressMap addresses;
    private final int maxEntries;
    private final List<String> warnings;

    PeExports(BinaryFile file, AddressMap addresses, int maxEntries, List<String> warnings) {
        this.file = file;
        this.addresses = addresses;
        this.maxEntries = maxEntries;
        this.warnings = warnings;
    }

    Table read(long directoryRva, long directorySize) throws IOException, InterruptedException {
        long directory = addresses.offsetOf(directoryRva);
        ByteBuffer header = directory < 0 ? null : file.readFully(directory, DIRECTORY_SIZE);
        if (header == null) {
            warnings.add("export directory at RVA " + hex(directoryRva) + " is not stored in the file");
            return new Table(null, 0, 0, List.of());
        }
        long base = u32(header, 16);
        long functionCount = u32(header, 20);
        long nameCount = u32(header, 24);
        long functions = addresses.offsetOf(u32(header, 28));
        int listed = (int) Math.min(nameCount, maxEntries);
        if (nameCount > maxEntries) {
            warnings.add("exports: listed " + maxEntries + " of " + nameCount + " names");
        }
        ByteBuffer names = table(u32(header, 32), listed * 4L);
        ByteBuffer ordinals = table(u32(header, 36), listed * 2L);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < listed; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("export parsing interrupted");
            }
            long nameRva = u32(names, i * 4);
            if (nameRva < 0) {
                warnings.add("exports: name table ends after " + i + " of " + nameCount + " names");
                break;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            String name = string(nameRva);
            entry.put("name", name == null ? "?" : name);
            int index = u16(ordinals, i * 2);
            if (index >= 0) {
                entry.put("ordinal", base + index);
                long address = index < functionCount && functions >= 0 ? u32(file.read(functions + 4L * index, 4), 0)
                        : -1;
                if (address >= directoryRva && address < directoryRva + directorySize) {
                    String forwarder = string(address);
                    entry.put("forwarder", forwarder == null ? "?" : forwarder);
                } else if (address >= 0) {
                    entry.put("address", hex(address));
                }
            }
            entries.add(entry);
        }
        return new Table(string(u32(header, 12)), functionCount, nameCount, entries);
    }

    /** A table of {@code length} bytes at an RVA, shorter (or empty) where the file does not hold it. */
    private ByteBuffer table(long rva, long length) throws IOException {
        long offset = addresses.offsetOf(rva);
        return file.read(offset, (int) Math.min(length, BinaryFile.MAX_READ));
    }

    private String string(long rva) throws IOException {
        long offset = addresses.offsetOf(rva);
        return offset < 0 ? null : file.cString(offset, MAX_NAME);
    }
}
