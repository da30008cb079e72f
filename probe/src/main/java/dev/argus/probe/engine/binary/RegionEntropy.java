package dev.argus.probe.engine.binary;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Entropy of parts of a file (sections, segments), read in chunks so that memory stays constant, checking for
 * interruption between chunks. Regions may overlap (ELF segments contain sections; a hostile header may declare a
 * thousand sections over the whole file), so the bytes read are capped by a budget; regions asked for once it is
 * spent get no entropy. Not thread-safe (one per parse).
 */
public final class RegionEntropy {

    private static final int CHUNK = 64 * 1024;

    private final BinaryFile file;
    private long budget;
    private boolean exhausted;

    /** @param budget how many bytes may be read in all, e.g. a few times the file's size */
    public RegionEntropy(BinaryFile file, long budget) {
        this.file = file;
        this.budget = budget;
    }

    /**
     * The entropy of {@code [offset, offset + length)} clipped to the file, or null when nothing of it lies in the
     * file or the budget is spent.
     */
    public Double of(long offset, long length) throws IOException, InterruptedException {
        if (offset < 0 || length <= 0 || offset >= file.size()) {
            return null;
        }
        long end = length > file.size() - offset ? file.size() : offset + length;
        if (end - offset > budget) {
            exhausted = true;
            return null;
        }
        budget -= end - offset;
        ByteHistogram histogram = new ByteHistogram();
        for (long at = offset; at < end; at += CHUNK) {
            if (Thread.interrupted()) {
                throw new InterruptedException("entropy interrupted");
            }
            ByteBuffer chunk = file.read(at, (int) Math.min(CHUNK, end - at));
            histogram.add(chunk.array(), 0, chunk.limit());
        }
        return histogram.entropy();
    }

    /** True once a region was refused because the budget was spent. */
    public boolean exhausted() {
        return exhausted;
    }
}
