package dev.argus.probe.engine.clamav;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import xyz.capybara.clamav.InvalidResponseException;
import xyz.capybara.clamav.commands.scan.ScanCommand;
import xyz.capybara.clamav.commands.scan.result.ScanResult;

/**
 * clamd's INSTREAM command for one file, reusing the client library's reply parsing. The library's own
 * {@code InStream} is replaced because it sends fixed 2 KB chunks and, when clamd refuses a stream (it answers
 * {@code INSTREAM size limit exceeded. ERROR} and closes the connection while the client still writes), reports
 * only "Broken pipe" instead of clamd's answer. Here the chunk size is configurable and the answer is read even
 * after a failed write. Blocking I/O on NIO channels is interruptible, so a scan that times out is aborted.
 */
final class ClamdInStream extends ScanCommand {

    private final Path file;
    private final int chunkSize;
    private final Duration connectTimeout;

    ClamdInStream(Path file, int chunkSize, Duration connectTimeout) {
        this.file = file;
        this.chunkSize = chunkSize;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public String getCommandString() {
        return "INSTREAM";
    }

    @Override
    protected CommandFormat getFormat() {
        return CommandFormat.NULL_CHAR;
    }

    /**
     * Streams the file and parses clamd's answer.
     *
     * @throws UncheckedIOException for connection and file errors ({@link ClosedByInterruptException} when
     *                              interrupted)
     * @throws xyz.capybara.clamav.ScanFailureException when clamd answers with an ERROR (e.g. the size limit)
     */
    @Override
    public ScanResult send(InetSocketAddress server) {
        try (SocketChannel channel = SocketChannel.open();
             FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.socket().connect(server, (int) Math.max(1, connectTimeout.toMillis()));
            writeFully(channel, getRawCommand());
            try {
                stream(in, channel);
            } catch (ClosedByInterruptException e) {
                throw e;
            } catch (IOException writeFailed) {
                // clamd closes the connection right after refusing a stream; its answer is still readable.
                try {
                    return readResponse(channel);
                } catch (IOException | InvalidResponseException noAnswer) {
                    writeFailed.addSuppressed(noAnswer);
                    throw writeFailed;
                }
            }
            return readResponse(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stream(FileChannel in, SocketChannel out) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        ByteBuffer chunk = ByteBuffer.allocate(chunkSize);
        while (in.read(chunk) > 0 || chunk.position() > 0) {
            chunk.flip();
            length.clear().putInt(chunk.remaining()).flip();
            writeFully(out, length, chunk);
            chunk.clear();
        }
        length.clear().putInt(0).flip();
        writeFully(out, length);
    }

    private static void writeFully(SocketChannel out, ByteBuffer... buffers) throws IOException {
        while (buffers[buffers.length - 1].hasRemaining()) {
            out.write(buffers);
        }
    }
}
