package dev.argus.probe.engine.icap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a body in HTTP/1.1 chunked encoding, as ICAP requires for encapsulated bodies: {@code <hex size>CRLF
 * <bytes>CRLF} per chunk, then the last chunk {@code 0CRLF CRLF}, or {@code 0; ieofCRLF CRLF} when a preview already
 * holds the whole body (RFC 3507 section 4.5). Not thread-safe.
 */
final class ChunkedBody {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final byte[] buffer;

    ChunkedBody(OutputStream out, int chunkSize) {
        this.out = out;
        this.buffer = new byte[chunkSize];
    }

    /**
     * Copies up to {@code limit} bytes of {@code in} as chunks of at most the chunk size.
     *
     * @return the number of bytes copied, less than {@code limit} only when {@code in} ended
     * @throws UncheckedIOException when {@code in} cannot be read
     * @throws IOException          when writing failed
     */
    long copy(InputStream in, long limit) throws IOException {
        long copied = 0;
        while (copied < limit) {
            int read = read(in, (int) Math.min(buffer.length, limit - copied));
            if (read == 0) {
                break;
            }
            out.write(Integer.toHexString(read).getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
            out.write(buffer, 0, read);
            out.write(CRLF);
            copied += read;
        }
        return copied;
    }

    /** Reads the content; its failures are unchecked so that they are not taken for a failed connection. */
    private int read(InputStream in, int length) throws ClosedByInterruptException {
        try {
            return in.readNBytes(buffer, 0, length);
        } catch (ClosedByInterruptException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the content to send: " + e.getMessage(), e);
        }
    }

    /** Writes the last chunk; {@code ieof} says the preview just sent was the whole body. */
    void end(boolean ieof) throws IOException {
        out.write((ieof ? "0; ieof\r\n\r\n" : "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
