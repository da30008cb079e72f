package dev.argus.probe.engine.icap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in ICAP server on a real socket that plays a script per connection, so the client's bytes on the wire
 * and its handling of every answer can be checked. Records what each connection received.
 */
final class ScriptedIcapServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void play(Peer peer) throws Exception;
    }

    private final ServerSocket server;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();

    ScriptedIcapServer() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Accepts one connection per script, in order, on a background thread; completes when all have played. */
    CompletableFuture<Void> serve(Script... scripts) {
        return CompletableFuture.runAsync(() -> {
            for (Script script : scripts) {
                try (Socket socket = server.accept()) {
                    Peer peer = new Peer(socket);
                    peers.add(peer);
                    script.play(peer);
                    socket.getOutputStream().flush();
                } catch (Exception e) {
                    throw new IllegalStateException("script failed: " + e, e);
                }
            }
        });
    }

    /** The connections accepted so far. */
    List<Peer> peers() {
        return peers;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One connection, from the server's side. */
    static final class Peer {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Reads up to and including the next empty line (the end of a header block), returning it as text. */
        String readHeaderBlock() throws IOException {
            return readUntil("\r\n\r\n");
        }

        /** Reads chunks up to and including the last chunk, returning the raw chunked text. */
        String readChunks() throws IOException {
            StringBuilder raw = new StringBuilder();
            while (true) {
                String sizeLine = readUntil("\r\n");
                raw.append(sizeLine);
                int size = Integer.parseInt(sizeLine.strip().split(";")[0].strip(), 16);
                if (size == 0) {
                    raw.append(readUntil("\r\n"));
                    return raw.toString();
                }
                raw.append(new String(readBytes(size + 2), StandardCharsets.ISO_8859_1));
            }
        }

        byte[] readBytes(int count) throws IOException {
            byte[] bytes = in.readNBytes(count);
            received.writeBytes(bytes);
            if (bytes.length < count) {
                throw new IOException("client closed after " + bytes.length + " of " + count + " bytes");
            }
            return bytes;
        }

        /** Reads whatever the client sends until it closes (or the socket fails), returning the count. */
        long drain() {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    total += read;
                }
            } catch (IOException closed) {
                // the client went away, as expected
            }
            return total;
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Sends in pieces of {@code size} bytes, each flushed on its own with Nagle off: many small TCP segments. */
        void sendInPieces(String text, int size) throws IOException {
            socket.setTcpNoDelay(true);
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < bytes.length; i += size) {
                out.write(bytes, i, Math.min(size, bytes.length - i));
                out.flush();
            }
        }

        /** Everything read from the client so far. */
        String received() {
            return received.toString(StandardCharsets.ISO_8859_1);
        }

        private String readUntil(String terminator) throws IOException {
            StringBuilder text = new StringBuilder();
            while (!text.toString().endsWith(terminator)) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("client closed before '" + terminator.replace("\r\n", "CRLF") + "'; got: "
                            + text);
                }
                received.write(b);
                text.append((char) b);
            }
            return text.toString();
        }
    }
}
