package dev.argus.e2e;

import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.io.InputStream;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Upload forms of the end-to-end tests, built on the shared client's streamed {@link Multipart}. */
final class Upload {

    private Upload() {
    }

    /** A form with these text fields first; add files with {@code file(...)}. */
    static Multipart form(Map<String, String> fields) {
        Multipart form = new Multipart();
        fields.forEach(form::field);
        return form;
    }

    /** Seeded pseudo-random content of the size, generated as it is read, so a large file never sits in memory. */
    static Supplier<InputStream> randomBytes(long size, long seed) {
        return () -> new RandomBytes(size, seed);
    }

    /** Seeded pseudo-random bytes, generated as they are read. */
    private static final class RandomBytes extends InputStream {
        private final Random random;
        private long remaining;

        RandomBytes(long size, long seed) {
            this.random = new Random(seed);
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
            byte[] chunk = new byte[count];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, count);
            remaining -= count;
            return count;
        }
    }
}
