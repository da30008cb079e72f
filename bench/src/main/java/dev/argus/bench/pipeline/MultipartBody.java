package dev.argus.bench.pipeline;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data body with the probes field and one part per file, each streamed from a supplier with a
 * known length, so a large file is never held in memory by the benchmark and the request carries a
 * Content-Length.
 */
final class MultipartBody {

    /**
     * One file part.
     *
     * @param filename the part's file name
     * @param size     its length in bytes
     * @param content  opens its bytes (called once per send)
     */
    record Part(String filename, long size, Supplier<InputStream> content) {
    }

    private final String boundary = "argus-bench-" + UUID.randomUUID();
    private final byte[] fields;
    private final List<Part> parts;
    private final byte[] tail;

    /** probes: the form field {@code probes} (comma-separated names). */
    MultipartBody(String probes, List<Part> parts) {
        this.fields = ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"probes\"\r\n\r\n" + probes
                + "\r\n");
        this.parts = List.copyOf(parts);
        this.tail = ascii("--" + boundary + "--\r\n");
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() {
        long length = fields.length + tail.length;
        for (Part part : parts) {
            length += head(part).length + part.size() + 2;
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::stream),
                length);
    }

    /** The body's bytes, as sent. */
    InputStream stream() {
        List<InputStream> pieces = new ArrayList<>();
        pieces.add(new ByteArrayInputStream(fields));
        for (Part part : parts) {
            pieces.add(new ByteArrayInputStream(head(part)));
            pieces.add(part.content().get());
            pieces.add(new ByteArrayInputStream(ascii("\r\n")));
        }
        pieces.add(new ByteArrayInputStream(tail));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    private byte[] head(Part part) {
        return ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + part.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
