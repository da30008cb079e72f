package dev.argus.bench.launch;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.sql.DriverManager;
import java.util.List;

/**
 * Empties the benchmark's RabbitMQ vhost (Argus's queues) and PostgreSQL database (both schemas) before the
 * processes start, so every run begins as a fresh deployment. Only ever pointed at the benchmark's own vhost and
 * database (defaults: the end-to-end tests' ones).
 */
final class ServiceReset {

    /**
     * Every durable queue of the current topology, and {@code argus.frontend.events} of the first message flow, so an
     * A/B run against an older build ({@code --jars}) starts clean too.
     */
    private static final List<String> QUEUES = List.of("argus.brain.scans", "argus.brain.results",
            "argus.brain.probes", "argus.frontend.results", "argus.frontend.probes", "argus.parked",
            "argus.frontend.events", "argus.probe.clamav");

    private ServiceReset() {
    }

    static void reset(String rabbitHost, String vhost, String jdbcUrl, String dbUser, String dbPassword)
            throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(rabbitHost);
        factory.setVirtualHost(vhost);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : QUEUES) {
                channel.queueDelete(queue);
            }
        }
        try (var connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS frontend CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS brain CASCADE");
        }
    }
}
