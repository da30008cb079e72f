package dev.argus.frontend.frontdoor.clamd;

import dev.argus.frontend.UploadProperties;
import dev.argus.frontend.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clamd listener: a plain {@link ServerSocket} on {@code argus.frontdoor.clamd.address:port}, one virtual thread
 * per connection, at most {@code max-connections} at once (others closed at once), each read bounded by
 * {@code read-timeout}. Clients outside {@code allowed-clients} are closed before a byte is read: the protocol has
 * no authentication. Starts once the application is ready (after the first admin exists), checking that the
 * configured user exists; stops with the application ({@link #stop()}).
 */
@Component
public class ClamdFrontDoor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClamdFrontDoor.class);
    private static final int STOP_GRACE_SECONDS = 5;
    private static final int FINISH_BYTES = 1 << 20;

    private final ClamdProperties properties;
    private final ClamdScans scans;
    private final JdbcClient jdbc;
    private final long streamLimit;
    private final ClientAllowList allowList;
    private final Semaphore slots;
    /** Open connections and the threads serving them. */
    private final Map<Socket, Thread> open = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Counter refused;
    private final String version;
    private volatile ServerSocket server;
    private volatile boolean stopping;

    ClamdFrontDoor(ClamdProperties properties, UploadProperties uploads, ClamdScans scans, JdbcClient jdbc,
                   MeterRegistry registry) {
        this.properties = properties;
        this.scans = scans;
        this.jdbc = jdbc;
        this.registry = registry;
        this.streamLimit = properties.streamMaxLength() != null ? properties.streamMaxLength().toBytes()
                : uploads.maxFileSize().toBytes();
        this.allowList = ClientAllowList.parse(properties.allowedClients());
        this.slots = new Semaphore(properties.maxConnections());
        this.refused = Counter.builder("argus.frontdoor.clamd.refused")
                .description("clamd connections closed unserved: client not allowed, or too many connections")
                .register(registry);
        String implementation = ClamdFrontDoor.class.getPackage().getImplementationVersion();
        this.version = "Argus " + (implementation == null ? "dev" : implementation) + "/clamd-protocol";
    }

    /** The port listened on (the one picked when configured 0), or -1 when the front door is off. */
    public int port() {
        ServerSocket listening = server;
        return listening == null ? -1 : listening.getLocalPort();
    }

    @EventListener(ApplicationReadyEvent.class)
    void listen() throws IOException {
        if (!properties.enabled() || server != null) {
            return;
        }
        String username = properties.username();
        if (username == null || username.isBlank()) {
            throw new IllegalStateException("argus.frontdoor.clamd.username (ARGUS_FRONTDOOR_CLAMD_USERNAME) must name"
                    + " the Argus user the clamd front door records its scans under");
        }
        boolean exists = jdbc.sql("select count(*) from app_user where username = :username")
                .param("username", username).query(Long.class).single() > 0;
        if (!exists) {
            throw new IllegalStateException("argus.frontdoor.clamd.username: no Argus user '" + username
                    + "' exists; create it first (POST /api/v1/users) or name an existing one");
        }
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(properties.address()), properties.port()), 50);
        server = socket;
        Thread.ofPlatform().name("clamd-accept").daemon().start(this::accept);
        log.info("clamd front door listening on {}:{} (scans as '{}', stream limit {} bytes)", properties.address(),
                socket.getLocalPort(), username, streamLimit);
    }

    private void accept() {
        ServerSocket listening = server;
        while (!stopping) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                if (!stopping) {
                    log.warn("clamd front door: accept failed: {}", e.toString());
                    pause(100); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            InetAddress address = client.getInetAddress();
            if (!allowList.allows(address)) {
                log.warn("clamd front door: refused a connection from {}, not in argus.frontdoor.clamd.allowed-clients",
                        address.getHostAddress());
                refused.increment();
                closeQuietly(client);
                continue;
            }
            if (!slots.tryAcquire()) {
                log.warn("clamd front door: refused a connection from {}, {} connections are open already",
                        address.getHostAddress(), properties.maxConnections());
                refused.increment();
                closeQuietly(client);
                continue;
            }
            Thread thread = Thread.ofVirtual().name("clamd-" + address.getHostAddress()).unstarted(() -> serve(client));
            open.put(client, thread);
            thread.start();
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout((int) Math.max(1, properties.readTimeout().toMillis()));
            new ClamdConnection(client, streamLimit, version, this::scan).serve();
            finish(client);
        } catch (IOException e) {
            log.debug("clamd connection failed: {}", e.toString());
        } finally {
            open.remove(client);
            slots.release();
        }
    }

    /** Scans one stream; an error of Argus (broker, database, store) is an ERROR answer, never OK or FOUND. */
    private ClamdScans.Answer scan(ChunkedStream stream) {
        ClamdScans.Answer answer;
        try {
            answer = ClamdScans.answer(scans.scan(stream, properties, properties.timeout()), properties.foundOn());
        } catch (ChunkedStream.StreamTooLong e) {
            answer = ClamdScans.Answer.tooLarge();
        } catch (ApiException e) {
            answer = e.status().value() == 413 ? ClamdScans.Answer.tooLarge()
                    : ClamdScans.Answer.error("Argus could not take the stream: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = ClamdScans.Answer.error("Argus is shutting down");
        } catch (RuntimeException e) {
            if (stream.clientFailed()) {
                throw e instanceof UncheckedIOException io ? io : new UncheckedIOException(new IOException(e));
            }
            log.warn("clamd front door: a stream could not be scanned", e);
            answer = ClamdScans.Answer.error("Argus could not scan the stream");
        }
        Counter.builder("argus.frontdoor.clamd.streams")
                .description("INSTREAM commands answered by the clamd front door, by outcome")
                .tag("outcome", answer.outcome())
                .register(registry).increment();
        return answer;
    }

    /**
     * Ends the connection so that the client reads the last answer: closing a socket with unread data (the rest of
     * a refused stream) sends a reset, which may discard the answer at the client. The output is shut first, then
     * what the client still sends is skipped: at most {@value #FINISH_BYTES} bytes, each read bounded by a second.
     */
    private static void finish(Socket client) {
        try {
            client.shutdownOutput();
            client.setSoTimeout(1000);
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[8192];
            long skipped = 0;
            int read;
            while (skipped < FINISH_BYTES && (read = in.read(buffer)) >= 0) {
                skipped += read;
            }
        } catch (IOException e) {
            // the client is gone or silent: close anyway
        }
    }

    @Override
    public void start() {
        // started once the application is ready, see start(): the configured user may be created by then
    }

    @Override
    public boolean isRunning() {
        return server != null && !stopping;
    }

    /**
     * Stops with the application, before the web server and the database go: no new connection is accepted; those
     * open get 5 s to finish, then a stream still waiting for its verdict is answered
     * {@code stream: Argus is shutting down ERROR} (a clamd client retries later), and every connection is closed.
     */
    @Override
    public void stop() {
        ServerSocket listening = server;
        if (listening == null || stopping) {
            return;
        }
        stopping = true;
        closeQuietly(listening);
        awaitConnections(Duration.ofSeconds(STOP_GRACE_SECONDS));
        open.values().forEach(Thread::interrupt);
        awaitConnections(Duration.ofSeconds(1));
        open.keySet().forEach(ClamdFrontDoor::closeQuietly);
        log.info("clamd front door stopped");
    }

    private void awaitConnections(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            pause(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
