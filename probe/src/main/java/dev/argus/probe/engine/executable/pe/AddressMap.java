package dev.argus.probe.engine.executable.pe;

import java.util.List;

/** Maps relative virtual addresses to file offsets through the section table, as the Windows loader lays them out. */
final class AddressMap {

    /** One section's placement in memory and in the file. */
    record Placement(long virtualAddress, long virtualSize, long rawOffset, long rawSize) {
    }

    private final List<Placement> sections;
    private final long sizeOfHeaders;

    AddressMap(List<Placement> sections, long sizeOfHeaders) {
        this.sections = List.copyOf(sections);
        this.sizeOfHeaders = sizeOfHeaders;
    }

    /** The file offset holding the byte at {@code rva}, or -1 when that byte is not stored in the file. */
    long offsetOf(long rva) {
        if (rva < 0) {
            return -1;
        }
        for (Placement section : sections) {
            long span = Math.max(section.virtualSize(), section.rawSize());
            if (rva >= section.virtualAddress() && rva - section.virtualAddress() < span) {
                long delta = rva - section.virtualAddress();
                return delta < section.rawSize() ? section.rawOffset() + delta : -1;
            }
        }
        return rva < sizeOfHeaders ? rva : -1;
    }
}
