package dev.argus.bench.pipeline;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data body with the probes field and one file part, streamed from a supplier with a known
 * length, so a large file is never held in memory by the benchmark and the request carries a Content-Length.
 */
final class MultipartBody {

    private final String boundary = "argus-bench-" + UUID.randomUUID();
    private final byte[] head;
    private final byte[] tail;
    private final long size;
    private final Supplier<InputStream> content;

    /** probes: the form field {@code probes} (comma-separated names). */
    MultipartBody(String probes, String filename, long size, Supplier<InputStream> content) {
        this.head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"probes\"\r\n\r\n" + probes
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        this.size = size;
        this.content = content;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() {
        long length = head.length + size + tail.length;
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                        new ByteArrayInputStream(head), content.get(), new ByteArrayInputStream(tail))))), length);
    }
}
