package dev.argus.probe.engine.binary;

/** Counts of each byte value in some data, and the Shannon entropy they give. Not thread-safe. */
public final class ByteHistogram {

    private final long[] counts = new long[256];
    private long total;

    /** Counts {@code length} bytes of {@code data} from {@code offset}. */
    public void add(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            counts[data[i] & 0xff]++;
        }
        total += length;
    }

    /** How many bytes were counted. */
    public long total() {
        return total;
    }

    /**
     * Shannon entropy in bits per byte, from 0 (one repeated value, or no data) to 8 (every value equally often),
     * rounded to four decimals.
     */
    public double entropy() {
        if (total == 0) {
            return 0;
        }
        double bits = 0;
        for (long count : counts) {
            if (count > 0) {
                double p = (double) count / total;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return Math.round(Math.max(0, bits) * 10_000) / 10_000.0;
    }
}
