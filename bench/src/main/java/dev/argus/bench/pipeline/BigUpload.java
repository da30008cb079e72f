package dev.argus.bench.pipeline;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * Pseudo-random bytes made as they are read, for the large upload: the benchmark never holds the file, so any
 * memory growth seen is the frontend's.
 */
public final class BigUpload extends InputStream {

    private final SplittableRandom random;
    private long remaining;

    public BigUpload(long size, long seed) {
        this.random = new SplittableRandom(seed);
        this.remaining = size;
    }

    @Override
    public int read() {
        if (remaining <= 0) {
            return -1;
        }
        remaining--;
        return random.nextInt(256);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining <= 0) {
            return -1;
        }
        int count = (int) Math.min(length, remaining);
        for (int i = 0; i < count; i += 8) {
            long bits = random.nextLong();
            for (int b = 0; b < 8 && i + b < count; b++) {
                buffer[offset + i + b] = (byte) (bits >>> (8 * b));
            }
        }
        remaining -= count;
        return count;
    }
}
