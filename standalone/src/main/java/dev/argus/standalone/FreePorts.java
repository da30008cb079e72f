package dev.argus.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks free TCP ports on 127.0.0.1 for the embedded services. A port is free when a server socket can bind it
 * right now; the small window until the service binds it is accepted (the ports are chosen anew on every start).
 * Never returns the same port twice from one instance.
 */
public final class FreePorts {

    /** Where every embedded service listens: IPv4 loopback, whatever the JVM prefers for "localhost". */
    public static final InetAddress LOOPBACK = loopback();

    private final Set<Integer> handedOut = new HashSet<>();

    /** A port nothing listens on at 127.0.0.1, not handed out before by this instance. */
    public synchronized int next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = bindEphemeral();
            if (handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port on 127.0.0.1 after 20 attempts");
    }

    /** True when a server socket can bind the port on 127.0.0.1 now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, LOOPBACK)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int bindEphemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a TCP port on 127.0.0.1", e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
