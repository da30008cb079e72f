package dev.argus.frontend.frontdoor.clamd;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The data of an {@code INSTREAM}: chunks of a 4-byte big-endian length and that many bytes, ended by a chunk of
 * length 0. A chunk that would take the stream past {@code limit} is refused as soon as its length is read, before
 * its data (as clamd does), by {@link StreamTooLong}, an unchecked exception so it passes the spooler unwrapped.
 * A client that closes the connection inside the stream is an {@link EOFException}. Never closes the connection.
 */
final class ChunkedStream extends InputStream {

    private final DataInputStream in;
    private final long limit;
    private long total;
    private long remaining;
    private boolean ended;
    private boolean failed;

    ChunkedStream(InputStream connection, long limit) {
        this.in = new DataInputStream(connection);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            while (remaining == 0) {
                if (ended) {
                    return -1;
                }
                nextChunk();
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new EOFException("the client closed the connection inside a chunk");
            }
            remaining -= read;
            return read;
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /** True once reading from the client failed (it went away, or stayed silent past the read timeout). */
    boolean clientFailed() {
        return failed;
    }

    /** Reads what is left of the stream, up to its end chunk, without keeping it. */
    void drain() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // discard
        }
    }

    private void nextChunk() throws IOException {
        long length = Integer.toUnsignedLong(in.readInt());
        if (length == 0) {
            ended = true;
            return;
        }
        if (total + length > limit) {
            throw new StreamTooLong(limit);
        }
        total += length;
        remaining = length;
    }

    /** The stream would be longer than the limit. */
    static final class StreamTooLong extends RuntimeException {
        StreamTooLong(long limit) {
            super("the stream is longer than " + limit + " bytes");
        }
    }
}
