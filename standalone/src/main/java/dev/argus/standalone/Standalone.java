package dev.argus.standalone;

import dev.argus.probe.engine.clamav.ClamavProperties;
import dev.argus.standalone.broker.EmbeddedBroker;
import dev.argus.standalone.clamd.ClamdEndpoint;
import dev.argus.standalone.clamd.ClamdLauncher;
import dev.argus.standalone.database.EmbeddedDatabase;
import dev.argus.standalone.ftp.EmbeddedFtpServer;
import dev.argus.standalone.launch.ArgusContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * A running standalone Argus: the embedded AMQP broker, PostgreSQL and FTP server, a clamd (found or started), and
 * the frontend, brain and probe as three Spring contexts, all in this JVM (clamd and PostgreSQL as child processes).
 * The services start in parallel, then the three applications in parallel. {@link #close()} stops the applications
 * first, then the services, leaving everything under the data directory for the next start.
 */
public final class Standalone implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Standalone.class);

    private final Path dataDir;
    private final Deque<AutoCloseable> running;
    private final ArgusContexts contexts;

    private Standalone(Path dataDir, Deque<AutoCloseable> running, ArgusContexts contexts) {
        this.dataDir = dataDir;
        this.running = running;
        this.contexts = contexts;
    }

    /**
     * Starts everything; returns once the frontend serves HTTP.
     *
     * @param args the command line: the standalone's own settings ({@link StandaloneProperties}) and any Spring
     *             property for the applications, e.g. {@code --server.port=9090}
     */
    public static Standalone start(String... args) {
        StandaloneProperties settings = StandaloneProperties.bind(args);
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        createDirectory(dataDir);
        FreePorts ports = new FreePorts();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        ExecutorService starter = Executors.newFixedThreadPool(3, Thread.ofPlatform().name("service-start-", 1)
                .factory());
        try {
            CompletableFuture<EmbeddedDatabase> database = async(starter, () -> EmbeddedDatabase.start(
                    dataDir.resolve("postgres"), dataDir.resolve("runtime"), ports.next()));
            CompletableFuture<EmbeddedBroker> broker = async(starter, () -> EmbeddedBroker.start(
                    dataDir.resolve("broker"), ports.next(), Secrets.password()));
            CompletableFuture<ClamdEndpoint> clamd = async(starter, () -> locateClamd(args, settings, dataDir, ports));
            EmbeddedFtpServer ftp = startFtp(dataDir, ports, running, database, broker);
            collect(running, clamd);
            ClamdEndpoint clamav = clamd.join();
            log.info("{}", clamav.description());
            reportClamdFailure(clamav);
            ArgusContexts contexts = ArgusContexts.start(new ArgusContexts.Plan(dataDir,
                    wiring(database.join(), broker.join(), ftp), clamav, settings.clamd().probeWait(), args));
            return new Standalone(dataDir, running, contexts);
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        } finally {
            starter.shutdown();
        }
    }

    /** The port the web UI and REST API are served on. */
    public int httpPort() {
        return contexts.httpPort();
    }

    /** The address to open in a browser. */
    public String url() {
        return "http://localhost:" + httpPort();
    }

    /** Where the data lives. */
    public Path dataDirectory() {
        return dataDir;
    }

    /** Stops the applications, then clamd, the FTP server, the broker and PostgreSQL. */
    @Override
    public void close() {
        contexts.close();
        closeAll(running);
    }

    /** Starts the FTP server meanwhile; stopped after clamd, before the broker and the database. */
    private static EmbeddedFtpServer startFtp(Path dataDir, FreePorts ports, Deque<AutoCloseable> running,
                                              CompletableFuture<EmbeddedDatabase> database,
                                              CompletableFuture<EmbeddedBroker> broker) {
        EmbeddedFtpServer ftp;
        try {
            ftp = EmbeddedFtpServer.start(dataDir.resolve("files"), ports.next(), Secrets.password());
        } catch (RuntimeException e) {
            try {
                collect(running, database, broker);
            } catch (RuntimeException other) {
                e.addSuppressed(other);
            }
            throw e;
        }
        try {
            collect(running, database, broker);
        } finally {
            running.push(ftp);
        }
        return ftp;
    }

    private static ClamdEndpoint locateClamd(String[] args, StandaloneProperties settings, Path dataDir,
                                             FreePorts ports) {
        ClamavProperties clamav = Binder.get(StandaloneProperties.environment(args))
                .bindOrCreate("argus.probe.clamav", Bindable.of(ClamavProperties.class));
        return ClamdLauncher.locate(clamav.host(), clamav.port(), settings.clamd(), dataDir.resolve("clamd"), ports);
    }

    private static void reportClamdFailure(ClamdEndpoint clamd) {
        if (clamd.started()) {
            clamd.ready().whenComplete((ignored, failure) -> {
                if (failure != null && !(failure instanceof java.util.concurrent.CancellationException)) {
                    log.warn("the started clamd is not available: {}", failure.getMessage());
                }
            });
        }
    }

    /** The embedded services' addresses and passwords, the same for the three applications. */
    private static Map<String, Object> wiring(EmbeddedDatabase database, EmbeddedBroker broker,
                                              EmbeddedFtpServer ftp) {
        Map<String, Object> wiring = new LinkedHashMap<>();
        wiring.put("spring.rabbitmq.host", "127.0.0.1");
        wiring.put("spring.rabbitmq.port", Integer.toString(broker.port()));
        wiring.put("spring.rabbitmq.username", EmbeddedBroker.USERNAME);
        wiring.put("spring.rabbitmq.password", broker.password());
        wiring.put("spring.rabbitmq.virtual-host", EmbeddedBroker.VIRTUAL_HOST);
        wiring.put("spring.datasource.url", database.jdbcUrl());
        wiring.put("spring.datasource.username", EmbeddedDatabase.DATABASE);
        wiring.put("spring.datasource.password", "");
        wiring.put("argus.ftp.host", "127.0.0.1");
        wiring.put("argus.ftp.port", Integer.toString(ftp.port()));
        wiring.put("argus.ftp.username", EmbeddedFtpServer.USERNAME);
        wiring.put("argus.ftp.password", ftp.password());
        return wiring;
    }

    private static <T> CompletableFuture<T> async(ExecutorService executor, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    /** Waits for every service; keeps those that started (to close them) and rethrows the first failure. */
    @SafeVarargs
    private static void collect(Deque<AutoCloseable> running, CompletableFuture<? extends AutoCloseable>... starts) {
        RuntimeException failure = null;
        for (CompletableFuture<? extends AutoCloseable> start : starts) {
            try {
                running.push(start.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable service = running.pop();
            try {
                service.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory
                    + " (set --argus.standalone.data-dir to a writable directory)", e);
        }
    }
}
