package dev.argus.standalone;

import dev.argus.common.fs.PrivateDirectory;
import dev.argus.messaging.QueueProperties;
import dev.argus.probe.engine.clamav.ClamavProperties;
import dev.argus.standalone.broker.EmbeddedBroker;
import dev.argus.standalone.clamd.ClamdEndpoint;
import dev.argus.standalone.clamd.ClamdLauncher;
import dev.argus.standalone.database.DatabasePassword;
import dev.argus.standalone.database.EmbeddedDatabase;
import dev.argus.standalone.ftp.EmbeddedFtpServer;
import dev.argus.standalone.launch.ArgusContexts;
import dev.argus.standalone.launch.ServiceGates;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
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
        StandaloneLogging.shareOneLogback();
        StandaloneProperties settings = StandaloneProperties.bind(args);
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        createDirectory(dataDir);
        Deque<AutoCloseable> running = new ArrayDeque<>();
        running.push(DataDirectoryLock.acquire(dataDir));
        FreePorts ports = new FreePorts();
        int databasePort = ports.next();
        int brokerPort = ports.next();
        int ftpPort = ports.next();
        String brokerPassword = Secrets.password();
        String ftpPassword = Secrets.password();
        String ftpReaderPassword = Secrets.password();
        String databasePassword = DatabasePassword.readOrCreate(dataDir);
        long started = System.nanoTime();
        ExecutorService starter = Executors.newFixedThreadPool(3, Thread.ofPlatform().name("service-start-", 1)
                .factory());
        CompletableFuture<EmbeddedDatabase> database = async(starter, () -> timed("PostgreSQL", started,
                () -> EmbeddedDatabase.start(dataDir.resolve("postgres"), settings.runtimeDirOrDefault(),
                        databasePort, databasePassword)));
        CompletableFuture<EmbeddedBroker> broker = async(starter, () -> timed("AMQP broker", started,
                () -> EmbeddedBroker.start(dataDir.resolve("broker"), brokerPort, brokerPassword)));
        CompletableFuture<EmbeddedFtpServer> ftp = async(starter, () -> EmbeddedFtpServer.start(
                dataDir.resolve("files"), ftpPort, ftpPassword, ftpReaderPassword));
        starter.shutdown();
        ClamdEndpoint clamd = null;
        try {
            clamd = locateClamd(args, settings, dataDir, ports);
            log.info("{}", clamd.description());
            reportClamdFailure(clamd);
            ServiceGates gates = new ServiceGates(database, CompletableFuture.allOf(broker, ftp));
            ArgusContexts contexts = ArgusContexts.start(new ArgusContexts.Plan(dataDir,
                    wiring(databasePort, databasePassword, brokerPort, brokerPassword, ftpPort, ftpPassword),
                    // the probe reads; only its extraction engine writes (the members it finds in archives)
                    Map.of("argus.ftp.username", EmbeddedFtpServer.READER_USERNAME, "argus.ftp.password",
                            ftpReaderPassword, "argus.probe.extract.ftp-username", EmbeddedFtpServer.USERNAME,
                            "argus.probe.extract.ftp-password", ftpPassword), clamd, gates,
                    settings.clamd().probeWait(), args));
            keepStarted(running, database, broker, ftp, clamd);
            return new Standalone(dataDir, running, contexts);
        } catch (RuntimeException e) {
            RuntimeException failure = firstServiceFailure(e, database, broker, ftp);
            keepStarted(running, database, broker, ftp, clamd);
            closeAll(running);
            throw failure;
        }
    }

    /** The port the web UI and REST API are served on. */
    public int httpPort() {
        return contexts.httpPort();
    }

    /** The port of the brain's actuator (health, prometheus), chosen free at start. */
    public int brainPort() {
        return contexts.brainPort();
    }

    /** The ports of the probe instances' actuators, chosen free at start. */
    public List<Integer> probePorts() {
        return contexts.probePorts();
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

    /**
     * The embedded services' addresses and passwords, the same for the three applications, and classic queues
     * whatever {@code argus.messaging.queue-type} says: the embedded broker (Qpid Broker-J) has no quorum queues.
     */
    static Map<String, Object> wiring(int databasePort, String databasePassword, int brokerPort,
                                      String brokerPassword, int ftpPort, String ftpPassword) {
        Map<String, Object> wiring = new LinkedHashMap<>();
        wiring.put("spring.rabbitmq.host", "127.0.0.1");
        wiring.put("spring.rabbitmq.port", Integer.toString(brokerPort));
        wiring.put("spring.rabbitmq.username", EmbeddedBroker.USERNAME);
        wiring.put("spring.rabbitmq.password", brokerPassword);
        wiring.put("spring.rabbitmq.virtual-host", EmbeddedBroker.VIRTUAL_HOST);
        wiring.put(QueueProperties.QUEUE_TYPE, QueueProperties.Type.CLASSIC.argument());
        wiring.put("spring.datasource.url", EmbeddedDatabase.jdbcUrl(databasePort));
        wiring.put("spring.datasource.username", EmbeddedDatabase.DATABASE);
        wiring.put("spring.datasource.password", databasePassword);
        wiring.put("argus.ftp.host", "127.0.0.1");
        wiring.put("argus.ftp.port", Integer.toString(ftpPort));
        wiring.put("argus.ftp.username", EmbeddedFtpServer.USERNAME);
        wiring.put("argus.ftp.password", ftpPassword);
        return wiring;
    }

    /**
     * Waits for every service start to end and keeps the started ones for closing, in the order they are to stop:
     * clamd, the FTP server, the broker, PostgreSQL (a deque: the last pushed stops first).
     */
    private static void keepStarted(Deque<AutoCloseable> running, CompletableFuture<EmbeddedDatabase> database,
                                    CompletableFuture<EmbeddedBroker> broker, CompletableFuture<EmbeddedFtpServer> ftp,
                                    ClamdEndpoint clamd) {
        for (CompletableFuture<? extends AutoCloseable> service : List.of(database, broker, ftp)) {
            try {
                running.push(service.join());
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                // reported by firstServiceFailure
            }
        }
        if (clamd != null) {
            running.push(clamd);
        }
    }

    /** A service that did not start explains a failed start better than the context that waited for it. */
    @SafeVarargs
    private static RuntimeException firstServiceFailure(RuntimeException failure,
                                                        CompletableFuture<? extends AutoCloseable>... services) {
        for (CompletableFuture<? extends AutoCloseable> service : services) {
            try {
                service.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    if (cause != failure) {
                        cause.addSuppressed(failure);
                    }
                    return cause;
                }
            }
        }
        return failure;
    }

    private static <T> T timed(String service, long since, Supplier<T> start) {
        T result = start.get();
        log.info("{} up after {} ms", service, (System.nanoTime() - since) / 1_000_000);
        return result;
    }

    private static <T> CompletableFuture<T> async(ExecutorService executor, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable service = running.pop();
            long started = System.nanoTime();
            try {
                service.close();
                log.debug("{} stopped in {} ms", service.getClass().getSimpleName(),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Owner-only: it holds the database password, the cluster and the stored files. */
    private static void createDirectory(Path directory) {
        try {
            PrivateDirectory.prepare(directory, "the data directory");
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory
                    + " (set --argus.standalone.data-dir to a writable directory)", e.getCause());
        }
    }
}
