package dev.argus.frontend.web;

import org.springframework.util.unit.DataSize;

/** Sizes in problem details, as people write them. */
public final class DataSizes {

    private DataSizes() {
    }

    /** A size as people write it: 256MB, 1KB, or bytes when it is not a round number. */
    public static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return size.toGigabytes() + "GB (" + bytes + " bytes)";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return size.toMegabytes() + "MB (" + bytes + " bytes)";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return size.toKilobytes() + "KB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }
}
