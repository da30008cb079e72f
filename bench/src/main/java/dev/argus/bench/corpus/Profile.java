package dev.argus.bench.corpus;

/**
 * A corpus shape. {@code tiny}: many small files where the engine's work is nearly free, so everything Argus adds
 * shows; {@code mixed}: sizes spread log-uniformly up to 4 MiB with zip and tar.gz archives, closer to what users
 * submit.
 *
 * @param files    how many files
 * @param minBytes smallest file size
 * @param maxBytes largest file size (archives may end a little larger: their headers come on top)
 */
public enum Profile {
    TINY(2_000, 1024, 64 * 1024),
    MIXED(500, 1024, 4 * 1024 * 1024),
    /** The latency and cache-hit measurements: files of exactly 1 KiB. */
    LATENCY(200, 1024, 1024);

    private final int files;
    private final int minBytes;
    private final int maxBytes;

    Profile(int files, int minBytes, int maxBytes) {
        this.files = files;
        this.minBytes = minBytes;
        this.maxBytes = maxBytes;
    }

    public int files() {
        return files;
    }

    public int minBytes() {
        return minBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The lower-case name used on the command line and in the results. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code tiny} or {@code mixed}, case-insensitive. */
    public static Profile of(String label) {
        return valueOf(label.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
