package dev.argus.frontend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a plain socket, for requests no well-behaved client sends: any bytes in the request
 * line and headers, any header size, a body that does not match its content type. One connection per request
 * ({@code Connection: close}); the whole response is read until the server closes. Every request carries the
 * test admin key unless it brings an {@code Authorization} header of its own.
 */
final class RawHttp {

    /** A parsed response; {@code body} is de-chunked. */
    record Response(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends one request with a {@code Content-Length} (none when {@code body} is null). {@code target} and
     * {@code headers} are written as given (UTF-8), so they may hold bytes a URI or header value may not.
     */
    Response send(String method, String target, List<String> headers, byte[] body) {
        ByteArrayOutputStream head = head(method, target, headers);
        if (body != null) {
            head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return exchange(head.toByteArray(), body == null ? new byte[0] : body);
    }

    /** Sends a request without a body whose {@code Host} header is the caller's (among {@code headers}), if any. */
    Response sendWithoutHost(String method, String target, List<String> headers) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " " + target + " HTTP/1.1\r\nConnection: close\r\nAuthorization: Bearer "
                + TestKeys.ADMIN_KEY + "\r\n").getBytes(StandardCharsets.UTF_8));
        headers.forEach(h -> head.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8)));
        head.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return exchange(head.toByteArray(), new byte[0]);
    }

    /** Sends the body in chunks of 64KB, so no {@code Content-Length} announces its size. */
    Response sendChunked(String method, String target, List<String> headers, byte[] body) {
        ByteArrayOutputStream head = head(method, target, headers);
        head.writeBytes("Transfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += CHUNK) {
            int length = Math.min(CHUNK, body.length - at);
            chunks.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(body, at, length);
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return exchange(head.toByteArray(), chunks.toByteArray());
    }

    /** The request line and headers of every request: the one place to add a header all of them need. */
    private ByteArrayOutputStream head(String method, String target, List<String> headers) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.UTF_8));
        headers.forEach(h -> head.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Authorization:", 0, 14))) {
            head.writeBytes(("Authorization: Bearer " + TestKeys.ADMIN_KEY + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return head;
    }

    private Response exchange(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered and closed before reading everything (e.g. a 413): read its answer
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + new String(head, 0, Math.min(head.length, 200),
                    StandardCharsets.UTF_8), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                all.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            // a reset after the response was written: keep what arrived
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IllegalStateException("not an HTTP response: '" + text.substring(0, Math.min(200,
                    text.length())) + "'");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
