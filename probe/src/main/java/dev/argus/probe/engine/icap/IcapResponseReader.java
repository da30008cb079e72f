package dev.argus.probe.engine.icap;

import dev.argus.probe.engine.icap.IcapResponse.BodySummary;
import dev.argus.probe.engine.icap.IcapResponse.HttpHead;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ICAP answers from a connection: the status line, the header (continuation lines folded), and the
 * encapsulated HTTP response head and chunked body the {@code Encapsulated} header announces. Works on any split of
 * the bytes into reads. Lines end with CRLF; a bare LF is accepted. The body is not kept, only its length and
 * SHA-256. Not thread-safe: one reader per connection.
 */
final class IcapResponseReader {

    static final int MAX_LINE = 8192;
    static final int MAX_HEADER_FIELDS = 256;
    private static final Pattern STATUS_LINE = Pattern.compile("ICAP/1\\.\\d (\\d{3})(?: (.*))?");
    private static final Pattern HTTP_STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})(?: .*)?");
    private static final Pattern CHUNK_SIZE = Pattern.compile("([0-9a-fA-F]{1,15})[ \\t]*(?:;.*)?");

    private final InputStream in;

    /** @param in the connection's input, buffered by the caller */
    IcapResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one answer. The encapsulated parts are read for every status except {@code 100} and {@code 204}, which
     * carry none.
     *
     * @throws MalformedAnswerException when the bytes are not an ICAP answer
     * @throws EOFException             when the server closed the connection before the answer was complete
     * @throws IOException              when reading failed (timeout, reset, interrupt)
     */
    IcapResponse read() throws IOException, MalformedAnswerException {
        String statusLine = line(true);
        Matcher status = STATUS_LINE.matcher(statusLine);
        if (!status.matches()) {
            throw new MalformedAnswerException("the answer does not start with an ICAP status line: "
                    + MalformedAnswerException.quote(statusLine));
        }
        int code = Integer.parseInt(status.group(1));
        String reason = status.group(2) == null ? "" : status.group(2).strip();
        IcapHeaders headers = headerBlock("ICAP");
        if (code == 100 || code == 204) {
            return new IcapResponse(code, reason, headers, null, null);
        }
        String encapsulated = headers.first("Encapsulated").orElse(null);
        if (encapsulated == null) {
            if (code / 100 == 2) {
                throw new MalformedAnswerException("ICAP " + code + " answer without an Encapsulated header");
            }
            return new IcapResponse(code, reason, headers, null, null);
        }
        return withEncapsulatedParts(code, reason, headers, Encapsulated.parse(encapsulated));
    }

    private IcapResponse withEncapsulatedParts(int code, String reason, IcapHeaders headers, Encapsulated parts)
            throws IOException, MalformedAnswerException {
        HttpHead http = null;
        BodySummary body = null;
        List<Encapsulated.Entry> entries = parts.entries();
        for (int i = 0; i < entries.size(); i++) {
            Encapsulated.Entry entry = entries.get(i);
            if (entry.isHeader()) {
                long length = entries.get(i + 1).offset() - entry.offset();
                HttpHead head = httpHead(entry.name(), length);
                if (entry.name().equals("res-hdr")) {
                    http = head;
                }
            } else if (!entry.isNullBody()) {
                body = chunkedBody();
            }
        }
        return new IcapResponse(code, reason, headers, http, body);
    }

    /** A {@code req-hdr} or {@code res-hdr} part: exactly {@code length} bytes ending with an empty line. */
    private HttpHead httpHead(String name, long length) throws IOException, MalformedAnswerException {
        if (length > (long) MAX_LINE * 8) {
            throw new MalformedAnswerException(name + " part of " + length + " bytes is too large");
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
            throw truncated();
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.endsWith("\r\n\r\n") && !text.endsWith("\n\n")) {
            throw new MalformedAnswerException(name + " part of " + length
                    + " bytes (per the Encapsulated header) does not end with an empty line");
        }
        String[] lines = text.split("\r?\n");
        IcapHeaders.Builder fields = new IcapHeaders.Builder();
        for (int i = 1; i < lines.length; i++) {
            fields.line(lines[i]);
        }
        int status = 0;
        if (name.equals("res-hdr")) {
            Matcher matcher = HTTP_STATUS_LINE.matcher(lines[0]);
            if (!matcher.matches()) {
                throw new MalformedAnswerException("the encapsulated HTTP response does not start with a status line: "
                        + MalformedAnswerException.quote(lines[0]));
            }
            status = Integer.parseInt(matcher.group(1));
        }
        return new HttpHead(status, lines[0], fields.build());
    }

    /** A chunked body up to its last (zero) chunk and trailer, summarised. */
    private BodySummary chunkedBody() throws IOException, MalformedAnswerException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        while (true) {
            String sizeLine = line(false);
            Matcher size = CHUNK_SIZE.matcher(sizeLine.strip());
            if (!size.matches()) {
                throw new MalformedAnswerException("invalid chunk size line in the encapsulated body: "
                        + MalformedAnswerException.quote(sizeLine));
            }
            long remaining = Long.parseLong(size.group(1), 16);
            if (remaining == 0) {
                headerBlock("trailer");
                return new BodySummary(total, sha256.digest());
            }
            total += remaining;
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw truncated();
                }
                sha256.update(buffer, 0, read);
                remaining -= read;
            }
            String end = line(false);
            if (!end.isEmpty()) {
                throw new MalformedAnswerException("a chunk of the encapsulated body is longer than its size line"
                        + " says: " + MalformedAnswerException.quote(end));
            }
        }
    }

    /** Header lines up to the empty line. */
    private IcapHeaders headerBlock(String what) throws IOException, MalformedAnswerException {
        IcapHeaders.Builder fields = new IcapHeaders.Builder();
        for (String line = line(false); !line.isEmpty(); line = line(false)) {
            if (fields.size() >= MAX_HEADER_FIELDS) {
                throw new MalformedAnswerException(what + " header has more than " + MAX_HEADER_FIELDS + " fields");
            }
            fields.line(line);
        }
        return fields.build();
    }

    /** One line without its CRLF (or LF). */
    private String line(boolean first) throws IOException, MalformedAnswerException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && line.size() == 0) {
                    throw new EOFException("the ICAP server closed the connection without an answer");
                }
                String partial = line.toString(StandardCharsets.ISO_8859_1);
                if (first && !partial.startsWith("ICAP/") && !"ICAP/".startsWith(partial)) {
                    throw new MalformedAnswerException("the answer does not start with an ICAP status line: "
                            + MalformedAnswerException.quote(partial));
                }
                throw truncated();
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new MalformedAnswerException("a line of the answer is longer than " + MAX_LINE + " bytes: "
                        + MalformedAnswerException.quote(line.toString(StandardCharsets.ISO_8859_1)));
            }
            line.write(b);
        }
    }

    private static EOFException truncated() {
        return new EOFException("the ICAP server closed the connection in the middle of its answer");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
