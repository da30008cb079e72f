package dev.argus.standalone.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;

/**
 * An AMQP 0-9-1 broker in this JVM: Apache Qpid Broker-J with one virtual host whose durable queues and persistent
 * messages live in a Derby store under the data directory, so they survive a restart. The broker listens on
 * 127.0.0.1 only; one user, whose password is made anew at every start, may connect. Queue declare arguments the
 * broker does not know (RabbitMQ's {@code x-*}) are ignored rather than refused.
 *
 * <p>The broker's own configuration is created from {@code broker-initial-config.json} on the first start and kept
 * in {@code <directory>/config.json}; the port and the password in it are variables resolved at every start. The
 * broker's classes are loaded by a {@link QpidClassLoader} (see there why), so they are only used reflectively here.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The virtual host the Argus processes use. */
    public static final String VIRTUAL_HOST = "argus";
    /** The one user allowed to connect. */
    public static final String USERNAME = "argus";

    /** Most messages one queue holds, as {@code ARGUS_RABBITMQ_MAX_QUEUE_LENGTH}'s default on RabbitMQ. */
    static final long MAX_QUEUE_LENGTH = 100_000;
    private static final String INITIAL_CONFIG = "broker-initial-config.json";
    private static final String LAUNCHER = "org.apache.qpid.server.SystemLauncher";

    private final Object launcher;
    private final ClassLoader classLoader;
    private final int port;
    private final String password;

    private EmbeddedBroker(Object launcher, ClassLoader classLoader, int port, String password) {
        this.classLoader = classLoader;
        this.launcher = launcher;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the broker and returns once it accepts connections.
     *
     * @param directory where the broker keeps its configuration and message store (created if missing)
     * @param port      the TCP port to listen on at 127.0.0.1
     * @param password  the password of {@link #USERNAME}
     */
    public static EmbeddedBroker start(Path directory, int port, String password) {
        return start(directory, port, password, MAX_QUEUE_LENGTH);
    }

    /** As {@link #start(Path, int, String)}, with another bound on a queue's length than {@link #MAX_QUEUE_LENGTH}. */
    static EmbeddedBroker start(Path directory, int port, String password, long maxQueueLength) {
        try {
            Files.createDirectories(directory);
            Path initialConfig = directory.resolve(INITIAL_CONFIG);
            try (InputStream in = EmbeddedBroker.class.getResourceAsStream(INITIAL_CONFIG)) {
                if (in == null) {
                    throw new IllegalStateException(INITIAL_CONFIG + " is missing from the class path");
                }
                Files.copy(in, initialConfig, StandardCopyOption.REPLACE_EXISTING);
            }
            // The broker's default location for these is a classpath: URL, whose handler a nested jar cannot offer.
            Path systemProperties = directory.resolve("system.properties");
            if (!Files.exists(systemProperties)) {
                Files.writeString(systemProperties, "# Broker-J system properties (none needed by Argus)\n");
            }
            ClassLoader loader = new QpidClassLoader(EmbeddedBroker.class.getClassLoader());
            Object launcher = withContextClassLoader(loader, () -> {
                Object created = Class.forName(LAUNCHER, true, loader).getConstructor().newInstance();
                created.getClass().getMethod("startup", Map.class)
                        .invoke(created, systemConfig(directory, initialConfig, systemProperties, port, password,
                                maxQueueLength));
                return created;
            });
            return new EmbeddedBroker(launcher, loader, port, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker directory " + directory, e);
        }
    }

    private interface BrokerCall<T> {
        T call() throws ReflectiveOperationException;
    }

    /** Runs a call into the broker with its class loader as the context class loader (for its ServiceLoader). */
    private static <T> T withContextClassLoader(ClassLoader loader, BrokerCall<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("the embedded AMQP broker failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the embedded AMQP broker cannot be started: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Map<String, Object> systemConfig(Path directory, Path initialConfig, Path systemProperties,
                                                    int port, String password, long maxQueueLength) {
        Map<String, Object> context = new HashMap<>();
        context.put("qpid.work_dir", directory.toAbsolutePath().toString());
        context.put("argus.broker.port", Integer.toString(port));
        context.put("argus.broker.password", password);
        // Also here, not only in the stored configuration, so that a store made by an older version gets it too.
        context.put("queue.behaviourOnUnknownDeclareArgument", "IGNORE");
        // The queue length limit of the RabbitMQ deployments (their policy argus-queue-limits, which this broker
        // cannot take): a queue's defaults, so it holds for queues of an existing store as well; past it a publish
        // is refused, never an older message dropped.
        context.put("queue.defaultMaximumQueueDepthMessages", Long.toString(maxQueueLength));
        context.put("queue.defaultOverflowPolicy", "REJECT");
        // A small process: at most 64 pooled network buffers of 64 KiB instead of 1024 of 256 KiB.
        context.put("qpid.broker.networkBufferSize", "65536");
        context.put("broker.directByteBufferPoolSize", "64");
        context.put("broker.housekeepingThreadCount", "1");
        // The message store's cache (BDB JE): a budget, filled as messages are read; 64 MiB is plenty for jobs.
        context.put("qpid.broker.bdbTotalCacheSize", Long.toString(64L * 1024 * 1024));

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "JSON");
        attributes.put("storePath", directory.resolve("config.json").toAbsolutePath().toString());
        attributes.put("initialConfigurationLocation", initialConfig.toUri().toString());
        attributes.put("initialSystemPropertiesLocation", systemProperties.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);
        return attributes;
    }

    /** The port the broker listens on at 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The password of {@link #USERNAME}. */
    public String password() {
        return password;
    }

    /** Stops the broker; persistent messages stay in the store for the next start. */
    @Override
    public void close() {
        withContextClassLoader(classLoader, () -> launcher.getClass().getMethod("shutdown").invoke(launcher));
    }
}
