package dev.argus.frontend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 message exactly as it crossed the wire: its head (start line and headers, with the blank line) and
 * its body bytes as sent (still chunked when it was). Read from a stream by its Content-Length or chunked framing;
 * used to record a client's exchange and to replay it byte for byte.
 *
 * @param head the start line and headers, ending with CRLF CRLF
 * @param body the body bytes as framed on the wire
 */
record HttpMessage(byte[] head, byte[] body) {

    private static final int MAX_HEAD = 64 * 1024;

    /** The next message of the stream, or null at its end. {@code response} says how to frame a body-less one. */
    static HttpMessage read(InputStream in, boolean response) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("the stream ended inside a message head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("message head longer than " + MAX_HEAD);
            }
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = header(headText, "content-length");
        String encoding = header(headText, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            copyChunked(in, body);
        } else if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length.strip())));
        } else if (response && !noBody(headText)) {
            in.transferTo(body);
        }
        return new HttpMessage(head.toByteArray(), body.toByteArray());
    }

    String headText() {
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    /** The body without chunked framing. */
    byte[] content() {
        String encoding = header(headText(), "transfer-encoding");
        if (encoding == null || !encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(body, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                    .split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    int status() {
        return Integer.parseInt(headText().split(" ", 3)[1]);
    }

    /** A header's value (the first one, name case-insensitive), or null. */
    static String header(String headText, String name) {
        for (String line : headText.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    byte[] bytes() {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static boolean noBody(String headText) {
        String status = headText.split(" ", 3)[1];
        return status.startsWith("1") || status.equals("204") || status.equals("304");
    }

    private static void copyChunked(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String line = readLine(in, body);
            int size = Integer.parseInt(line.split(";")[0].strip(), 16);
            if (size == 0) {
                while (!readLine(in, body).isEmpty()) {
                    // trailers
                }
                return;
            }
            body.write(in.readNBytes(size));
            readLine(in, body);
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
        StringBuilder line = new StringBuilder();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the stream ended inside a chunked body");
            }
            copy.write(b);
            if (previous == '\r' && b == '\n') {
                return line.substring(0, line.length() - 1);
            }
            line.append((char) b);
            previous = b;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("no CRLF after " + from);
    }
}
