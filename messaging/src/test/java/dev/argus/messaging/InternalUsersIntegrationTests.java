package dev.argus.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.argus.common.amqp.Topology;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege RabbitMQ users of .ci/services.sh (and docker/rabbitmq/definitions.json) on the real
 * broker: each can declare, publish and consume exactly what its process does, and a probe or the frontend is
 * refused what belongs to others. Runs in the vhost of {@code SPRING_RABBITMQ_VIRTUALHOST} (default argus-test);
 * passwords from {@code ARGUS_RABBITMQ_<ROLE>_PASSWORD}, by default those .ci/services.sh sets.
 */
class InternalUsersIntegrationTests {

    private static final String VHOST = env("SPRING_RABBITMQ_VIRTUALHOST", "argus-test");
    private static final String JOBS = Topology.probeQueue("permtest");

    @Test
    void eachProcessUserCanDeclarePublishAndConsumeWhatItsProcessDoes() throws Exception {
        try (Connection brain = connect("brain"); Channel channel = brain.createChannel()) {
            declareExchanges(channel, Topology.BRAIN_EXCHANGE, Topology.PROBE_EXCHANGE, Topology.FRONTEND_EXCHANGE);
            bind(channel, Topology.SCANS_QUEUE, Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY);
            bind(channel, Topology.RESULTS_QUEUE, Topology.BRAIN_EXCHANGE, Topology.RESULTS_KEY);
            bind(channel, Topology.PROBES_QUEUE, Topology.BRAIN_EXCHANGE, Topology.PROBES_KEY);
            bind(channel, Topology.EVENTS_QUEUE, Topology.FRONTEND_EXCHANGE, Topology.EVENTS_KEY);
            bind(channel, Topology.DIRECTORY_QUEUE, Topology.FRONTEND_EXCHANGE, Topology.DIRECTORY_KEY);
            bind(channel, JOBS, Topology.PROBE_EXCHANGE, "permtest");
            publish(channel, Topology.PROBE_EXCHANGE, "permtest");
            channel.basicGet(Topology.SCANS_QUEUE, true);
            channel.basicGet(Topology.RESULTS_QUEUE, true);
        }
        try (Connection probe = connect("probe"); Channel channel = probe.createChannel()) {
            declareExchanges(channel, Topology.BRAIN_EXCHANGE, Topology.PROBE_EXCHANGE);
            bind(channel, Topology.RESULTS_QUEUE, Topology.BRAIN_EXCHANGE, Topology.RESULTS_KEY);
            bind(channel, JOBS, Topology.PROBE_EXCHANGE, "permtest");
            assertThat(channel.basicGet(JOBS, true)).isNotNull();
            publish(channel, Topology.BRAIN_EXCHANGE, Topology.RESULTS_KEY);
        }
        try (Connection frontend = connect("frontend"); Channel channel = frontend.createChannel()) {
            declareExchanges(channel, Topology.BRAIN_EXCHANGE, Topology.FRONTEND_EXCHANGE);
            bind(channel, Topology.SCANS_QUEUE, Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY);
            bind(channel, Topology.EVENTS_QUEUE, Topology.FRONTEND_EXCHANGE, Topology.EVENTS_KEY);
            publish(channel, Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY);
            channel.basicGet(Topology.EVENTS_QUEUE, true);
        }
        try (Connection brain = connect("brain"); Channel channel = brain.createChannel()) {
            channel.queueDelete(JOBS);
        }
    }

    @Test
    void aProbeCannotReadTheBrainsQueuesNorPublishJobsOrEventsNorDeclareOthersQueues() throws Exception {
        assertRefused("probe", channel -> channel.basicGet(Topology.SCANS_QUEUE, true));
        assertRefused("probe", channel -> channel.basicGet(Topology.RESULTS_QUEUE, true));
        assertRefused("probe", channel -> channel.basicGet(Topology.EVENTS_QUEUE, true));
        assertRefused("probe", channel -> publish(channel, Topology.FRONTEND_EXCHANGE, Topology.EVENTS_KEY));
        assertRefused("probe", channel -> publish(channel, Topology.PROBE_EXCHANGE, "clamav"));
        assertRefused("probe", channel -> channel.queueDeclare(Topology.SCANS_QUEUE, true, false, false, null));
        assertRefused("probe", channel -> channel.queueDelete(Topology.SCANS_QUEUE));
        assertRefused("probe", channel -> channel.queueDeclare("argus.stolen", true, false, false, null));
    }

    @Test
    void theFrontendCannotReadScanRequestsNorPublishJobsNorTouchProbeQueues() throws Exception {
        assertRefused("frontend", channel -> channel.basicGet(Topology.SCANS_QUEUE, true));
        assertRefused("frontend", channel -> channel.basicGet(Topology.RESULTS_QUEUE, true));
        assertRefused("frontend", channel -> publish(channel, Topology.PROBE_EXCHANGE, "clamav"));
        assertRefused("frontend", channel -> publish(channel, Topology.FRONTEND_EXCHANGE, Topology.EVENTS_KEY));
        assertRefused("frontend", channel -> channel.queueDeclare(Topology.probeQueue("clamav"), true, false, false,
                null));
    }

    @Test
    void theBrainCannotPublishScanRequestsToItself() throws Exception {
        assertRefused("brain", channel -> publish(channel, Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY));
    }

    private interface ChannelAction {
        void run(Channel channel) throws Exception;
    }

    private static void assertRefused(String role, ChannelAction action) throws Exception {
        try (Connection connection = connect(role)) {
            Channel channel = connection.createChannel();
            assertThatThrownBy(() -> action.run(channel)).as(role)
                    .satisfies(e -> assertThat(causes(e)).contains("ACCESS_REFUSED"));
        }
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append(' ');
        }
        return all.toString();
    }

    private static void declareExchanges(Channel channel, String... names) throws Exception {
        for (String name : names) {
            channel.exchangeDeclare(name, BuiltinExchangeType.DIRECT, true);
        }
    }

    private static void bind(Channel channel, String queue, String exchange, String key) throws Exception {
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueBind(queue, exchange, key);
    }

    /** Publishes with confirms: a refused publish closes the channel, which the wait reports. */
    private static void publish(Channel channel, String exchange, String key) throws Exception {
        channel.confirmSelect();
        channel.basicPublish(exchange, key, null, "{}".getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5_000);
    }

    private static Connection connect(String role) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("SPRING_RABBITMQ_HOST", "127.0.0.1"));
        factory.setVirtualHost(VHOST);
        factory.setUsername("argus-" + role);
        factory.setPassword(env("ARGUS_RABBITMQ_" + role.toUpperCase() + "_PASSWORD", "argus-" + role + "-ci"));
        return factory.newConnection("argus-permissions-test-" + role);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
