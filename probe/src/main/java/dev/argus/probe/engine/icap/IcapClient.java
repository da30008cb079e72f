package dev.argus.probe.engine.icap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The ICAP exchanges on plain sockets, one connection per exchange ({@code Connection: close}), so the client is
 * thread-safe. Sockets are NIO channels: a thread interrupted in the middle of an exchange gets a
 * {@link ClosedByInterruptException} at once instead of waiting for the read timeout.
 */
final class IcapClient {

    private final IcapProperties properties;

    IcapClient(IcapProperties properties) {
        this.properties = properties;
    }

    /** Sends OPTIONS for the service and reads the answer, whatever its status. */
    IcapResponse options() throws IOException, MalformedAnswerException {
        try (SocketChannel channel = connect(properties.timeout())) {
            Socket socket = channel.socket();
            OutputStream out = socket.getOutputStream();
            out.write(RespmodRequest.options(properties.serviceUri(), properties.hostAndPort()));
            out.flush();
            return new IcapResponseReader(new BufferedInputStream(socket.getInputStream())).read();
        }
    }

    /**
     * Sends the content with RESPMOD and returns the server's final answer. With a preview (RFC 3507 section 4.5),
     * the first {@code preview} bytes go first, ending with {@code ieof} when they are the whole content; the rest
     * follows only when the server answers {@code 100 Continue}, any other answer is final. When the server stops
     * reading and closes before it has the whole body, the answer it sent is still read.
     *
     * @param preview     bytes to send as preview, or -1 to send everything at once
     * @param readTimeout how long to wait for each read of the answer
     * @throws MalformedAnswerException when an answer is not valid ICAP, or is a 100 that does not fit the exchange
     * @throws UncheckedIOException     when the content itself cannot be read
     * @throws IOException              when the connection failed, timed out or was interrupted
     */
    IcapResponse respmod(ScanContent content, long preview, Duration readTimeout)
            throws IOException, MalformedAnswerException {
        boolean whole = preview >= 0 && content.size() <= preview;
        RespmodRequest request = new RespmodRequest(properties.serviceUri(), properties.hostAndPort(), content.name(),
                content.size(), preview < 0 ? -1 : Math.min(preview, content.size()), properties.allow204());
        try (InputStream data = open(content); SocketChannel channel = connect(readTimeout)) {
            Socket socket = channel.socket();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            IcapResponseReader reader = new IcapResponseReader(new BufferedInputStream(socket.getInputStream()));
            ChunkedBody chunks = new ChunkedBody(out, (int) properties.chunkSize().toBytes());
            IOException writeFailure = send(() -> {
                out.write(request.head());
                chunks.copy(data, preview < 0 ? Long.MAX_VALUE : preview);
                chunks.end(whole);
            });
            IcapResponse answer = answer(reader, writeFailure);
            if (answer.status() != 100) {
                return answer;
            }
            if (preview < 0 || whole) {
                throw new MalformedAnswerException("the server answered 100 Continue although "
                        + (preview < 0 ? "no preview was sent" : "the preview held the whole file (ieof)"));
            }
            writeFailure = send(() -> {
                chunks.copy(data, Long.MAX_VALUE);
                chunks.end(false);
            });
            answer = answer(reader, writeFailure);
            if (answer.status() == 100) {
                throw new MalformedAnswerException("the server answered 100 Continue twice");
            }
            return answer;
        }
    }

    private static InputStream open(ScanContent content) {
        try {
            return content.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the content to send: " + e.getMessage(), e);
        }
    }

    /** Runs a write step; a failed write is returned rather than thrown, because an answer may still be readable. */
    private static IOException send(WriteStep step) throws IOException {
        try {
            step.run();
            return null;
        } catch (ClosedByInterruptException e) {
            throw e;
        } catch (IOException e) {
            return e;
        }
    }

    private static IcapResponse answer(IcapResponseReader reader, IOException writeFailure)
            throws IOException, MalformedAnswerException {
        try {
            return reader.read();
        } catch (IOException | MalformedAnswerException noAnswer) {
            if (writeFailure != null) {
                writeFailure.addSuppressed(noAnswer);
                throw writeFailure;
            }
            throw noAnswer;
        }
    }

    private SocketChannel connect(Duration readTimeout) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, readTimeout.toMillis())));
            socket.connect(new InetSocketAddress(properties.host(), properties.port()),
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, properties.timeout().toMillis())));
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @FunctionalInterface
    private interface WriteStep {
        void run() throws IOException;
    }
}
