package dev.argus.e2e;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** A multipart/form-data body streamed from suppliers, so a large test file never sits in memory. */
final class Upload {

    record FilePart(String filename, Supplier<InputStream> content) {
    }

    private final String boundary = "argus-e2e-" + UUID.randomUUID();
    private final List<FilePart> files = new ArrayList<>();
    private final Map<String, String> fields;

    Upload(Map<String, String> fields) {
        this.fields = fields;
    }

    Upload file(String filename, byte[] content) {
        files.add(new FilePart(filename, () -> new ByteArrayInputStream(content)));
        return this;
    }

    Upload file(String filename, long size, long seed) {
        files.add(new FilePart(filename, () -> new RandomBytes(size, seed)));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    InputStream body() {
        List<InputStream> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n")));
        for (FilePart file : files) {
            parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            parts.add(file.content().get());
            parts.add(text("\r\n"));
        }
        parts.add(text("--" + boundary + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Seeded pseudo-random bytes, generated as they are read. */
    static final class RandomBytes extends InputStream {
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
