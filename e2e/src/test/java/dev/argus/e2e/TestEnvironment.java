package dev.argus.e2e;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

/**
 * The services the end-to-end run uses: its own RabbitMQ vhost and PostgreSQL database, emptied before the
 * run so nothing from an earlier run leaks in. Overridable with ARGUS_E2E_* environment variables.
 */
final class TestEnvironment {

    static final String RABBIT_HOST = env("ARGUS_E2E_RABBIT_HOST", "127.0.0.1");
    static final String VHOST = env("ARGUS_E2E_VHOST", "argus-e2e");
    static final String JDBC_URL = env("ARGUS_E2E_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/argus_e2e");
    static final String DB_USER = "argus";
    static final String DB_PASSWORD = "argus";
    static final String CLAMAV_DB = env("ARGUS_E2E_CLAMAV_DB", "/var/lib/argus-ci/clamav/db");
    /** The test YARA rules and hash lists .ci/services.sh installs. */
    static final String YARA_RULES = env("ARGUS_E2E_YARA_RULES", "/var/lib/argus-ci/yara");
    static final String HASH_LISTS = env("ARGUS_E2E_HASH_LISTS", "/var/lib/argus-ci/hashlists");
    /** The command-line engines run by default: engines/cli/ of the repository (the tests run in e2e/). */
    static final String CLI_ENGINES = Path.of(System.getProperty("user.dir")).getParent().resolve("engines/cli")
            .toString();
    /** Every probe the run starts: clamav (clamd) and clamscan (engines/cli/clamscan.yaml). */
    static final List<String> PROBES = List.of("clamav", "clamscan");
    /** Debian's chromium and its driver (packages chromium and chromium-driver); never downloaded. */
    static final String CHROMIUM = env("ARGUS_E2E_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = env("ARGUS_E2E_CHROMEDRIVER", "/usr/bin/chromedriver");

    /** The engines a probe may run here; their job queues are emptied too. */
    static final List<String> ENGINES = List.of("clamav", "yara", "hashlist", "metadata", "executable",
            "clamscan", "icap");

    private static final List<String> QUEUES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("argus.brain.scans", "argus.brain.results", "argus.brain.probes",
                    "argus.frontend.results", "argus.frontend.probes", "argus.parked"),
            ENGINES.stream().map(engine -> "argus.probe." + engine)).toList();

    /**
     * Where the three processes find RabbitMQ (and which vhost), PostgreSQL (and which database) and the FTP
     * server.
     */
    record Services(String rabbitHost, int rabbitPort, String vhost, String jdbcUrl, int ftpPort) {

        /** The command-line arguments that point a process at these services. */
        List<String> arguments() {
            return List.of(
                    "--spring.rabbitmq.host=" + rabbitHost,
                    "--spring.rabbitmq.port=" + rabbitPort,
                    "--spring.rabbitmq.virtual-host=" + vhost,
                    "--spring.datasource.url=" + jdbcUrl,
                    "--argus.ftp.port=" + ftpPort);
        }

        java.sql.Connection database() throws java.sql.SQLException {
            return DriverManager.getConnection(jdbcUrl, DB_USER, DB_PASSWORD);
        }
    }

    /** The machine's shared services of .ci/services.sh, which the end-to-end tests never restart. */
    static final Services SHARED = new Services(RABBIT_HOST, intEnv("ARGUS_E2E_RABBIT_PORT", 5672), VHOST, JDBC_URL,
            intEnv("ARGUS_E2E_FTP_PORT", 2121));

    /**
     * The fault-injection suite's own RabbitMQ node, PostgreSQL cluster and vsftpd (.ci/fault-services.sh), which
     * it stops and restarts; nothing else uses them.
     */
    static final Services FAULT = new Services("127.0.0.1", intEnv("ARGUS_FAULT_RABBIT_PORT", 5673), "argus-fault",
            "jdbc:postgresql://127.0.0.1:" + intEnv("ARGUS_FAULT_PG_PORT", 5433) + "/argus_fault",
            intEnv("ARGUS_FAULT_FTP_PORT", 2122));

    private TestEnvironment() {
    }

    /** Deletes the run's queues and both schemas, so each process starts as on a fresh deployment. */
    static void reset() throws Exception {
        reset(SHARED);
    }

    /** As {@link #reset()}, on the given services. */
    static void reset(Services services) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(services.rabbitHost());
        factory.setPort(services.rabbitPort());
        factory.setVirtualHost(services.vhost());
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : QUEUES) {
                channel.queueDelete(queue);
            }
        }
        try (var connection = services.database();
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS frontend CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS brain CASCADE");
        }
    }

    /** One number from the database, e.g. a count. */
    static long queryLong(String sql, Object... parameters) throws Exception {
        try (var connection = DriverManager.getConnection(JDBC_URL, DB_USER, DB_PASSWORD);
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The least-privilege accounts of one process, as .ci/services.sh creates them (docs/security.md): its own
     * RabbitMQ user, and for the probe the read-only FTP account (and for its extraction engine, which stores the
     * members it finds, the argus-extract account). Passwords from ARGUS_RABBITMQ_&lt;PROCESS&gt;_PASSWORD,
     * ARGUS_FTP_PROBE_PASSWORD and ARGUS_FTP_EXTRACT_PASSWORD, by default those of .ci/services.sh.
     */
    static List<String> credentials(String process) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.rabbitmq.username=argus-" + process,
                "--spring.rabbitmq.password=" + env("ARGUS_RABBITMQ_" + process.toUpperCase() + "_PASSWORD",
                        "argus-" + process + "-ci")));
        if (process.equals("probe")) {
            arguments.add("--argus.ftp.username=argus-probe");
            arguments.add("--argus.ftp.password=" + env("ARGUS_FTP_PROBE_PASSWORD", "argus-probe-ci"));
            arguments.add("--argus.probe.extract.ftp-username=argus-extract");
            arguments.add("--argus.probe.extract.ftp-password=" + env("ARGUS_FTP_EXTRACT_PASSWORD", "argus-extract-ci"));
        }
        return arguments;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
