package dev.argus.standalone.clamd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a clamd that listens only on a Unix socket (the Debian package's default) reachable over TCP at 127.0.0.1,
 * which is what the probe's ClamAV engine speaks: every TCP connection is forwarded, byte for byte in both
 * directions, to a new connection to the socket. One virtual thread per direction.
 */
final class ClamdRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClamdRelay.class);

    private final ServerSocketChannel server;
    private final UnixDomainSocketAddress target;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private ClamdRelay(ServerSocketChannel server, UnixDomainSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on 127.0.0.1:{@code port} and forwards to {@code socket}. */
    static ClamdRelay start(int port, UnixDomainSocketAddress socket) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress("127.0.0.1", port));
            ClamdRelay relay = new ClamdRelay(server, socket);
            Thread.ofVirtual().name("clamd-relay-accept").start(relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for the clamd relay", e);
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("clamd-relay").start(() -> relay(client));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                log.warn("clamd relay: accepting a connection failed: {}", e.toString());
            }
        }
    }

    private void relay(SocketChannel client) {
        try (client; SocketChannel clamd = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            open.add(client);
            open.add(clamd);
            clamd.connect(target);
            Thread upstream = Thread.ofVirtual().name("clamd-relay-up").start(() -> pump(client, clamd));
            pump(clamd, client);
            upstream.join();
        } catch (IOException e) {
            log.debug("clamd relay connection ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
            open.removeIf(channel -> !channel.isOpen());
        }
    }

    /** Copies until the source ends, then half-closes the destination so the other side sees the end. */
    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(ClamdRelay::closeQuietly);
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
