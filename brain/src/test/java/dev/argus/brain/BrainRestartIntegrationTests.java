package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.WAIT;
import static dev.argus.brain.BrainAmqpClient.crashed;
import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.file;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static dev.argus.brain.BrainAmqpClient.resultFor;
import static dev.argus.brain.BrainAmqpClient.undetected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A brain closed mid-scan loses nothing: the results sent while no brain runs are booked (and retried) by the next
 * one.
 * The brains are started by hand (profile "test"), so this class runs first, before any test class leaves a
 * cached brain context consuming the same queues; the test checks that nothing consumes while it is down.
 */
@Order(1)
class BrainRestartIntegrationTests {

    @Test
    void resultsSentWhileTheBrainIsDownAreBookedAndRetriedAfterRestart() {
        ConfigurableApplicationContext brain = startBrain();
        ConfigurableApplicationContext restarted = null;
        CachingConnectionFactory connectionFactory = connectionLike(brain);
        try {
            RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
            rabbit.setMessageConverter(brain.getBean(MessageConverter.class));
            RabbitAdmin admin = new RabbitAdmin(connectionFactory);
            BrainAmqpClient client = new BrainAmqpClient(rabbit, admin);
            client.purgeFrontendQueues();
            ProbeDescriptor probe = descriptor(newProbeName(), null);
            client.registerOnline(probe);
            UUID scanId = client.requestScan(List.of(file("text/plain"), file("text/plain")), List.of(probe.name()),
                    false);
            List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);
            JdbcTemplate jdbc = jdbcLike(brain);

            brain.close();
            assertThat(admin.getQueueInfo(Topology.BRAIN_RESULTS_QUEUE).getConsumerCount())
                    .as("consumers of the results queue while the brain is down").isZero();
            client.sendResults(probe.name(), List.of(resultFor(jobs.get(0), false, undetected()),
                    resultFor(jobs.get(1), true, crashed("engine restarted"))));
            restarted = startBrain();

            ProbeJob retry = client.awaitJob(probe.name());
            assertThat(retry.jobId()).isEqualTo(jobs.get(1).jobId());
            assertThat(retry.attempt()).isEqualTo(2);
            // the retry is confirmed before the booking of both results commits
            await().atMost(WAIT).until(() -> "DONE undetected".equals(jdbc.queryForObject(
                    "select status || ' ' || category from brain.job where id = ?", String.class,
                    jobs.get(0).jobId())));
            assertThat(jdbc.queryForObject("select status || ' ' || attempt from brain.job where id = ?",
                    String.class, jobs.get(1).jobId())).isEqualTo("PENDING 2");
            await().atMost(WAIT).until(() -> admin.getQueueInfo(Topology.BRAIN_RESULTS_QUEUE).getMessageCount() == 0);
            assertThat(client.brainReports(scanId)).isEmpty();
            client.cleanUp(restarted.getBean(JdbcTemplate.class));
        } finally {
            brain.close();
            if (restarted != null) {
                restarted.close();
            }
            connectionFactory.destroy();
        }
    }

    @Test
    void scanQueuedWhileBrainWasDownLongGoesToAProbeThatHeartbeatedMeanwhile() {
        ConfigurableApplicationContext brain = startBrain();
        ConfigurableApplicationContext restarted = null;
        CachingConnectionFactory connectionFactory = connectionLike(brain);
        try {
            RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
            rabbit.setMessageConverter(brain.getBean(MessageConverter.class));
            BrainAmqpClient client = new BrainAmqpClient(rabbit, new RabbitAdmin(connectionFactory));
            client.purgeFrontendQueues();
            ProbeDescriptor probe = descriptor(newProbeName(), null);
            client.registerOnline(probe);
            JdbcTemplate jdbc = jdbcLike(brain);

            brain.close();
            // As if the brain had been down for an hour: the registry's last-seen times are old, and the
            // heartbeats of the last minute wait in the queue next to the scan request, oldest first.
            jdbc.update("update brain.probe_instance set last_seen = now() - interval '1 hour' where probe_name = ?",
                    probe.name());
            jdbc.update("update brain.probe set last_seen = now() - interval '1 hour' where name = ?", probe.name());
            Instant now = Instant.now();
            for (int secondsAgo = 60; secondsAgo >= 0; secondsAgo -= 2) {
                client.register(now.minusSeconds(secondsAgo), probe);
            }
            UUID scanId = client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);
            restarted = startBrain();

            ProbeJob job = client.awaitJob(probe.name());
            assertThat(job.scanId()).isEqualTo(scanId);
            assertThat(client.brainResults(scanId)).as("no immediate 'probe offline' result").isEmpty();
            client.cleanUp(restarted.getBean(JdbcTemplate.class));
        } finally {
            brain.close();
            if (restarted != null) {
                restarted.close();
            }
            connectionFactory.destroy();
        }
    }

    private static ConfigurableApplicationContext startBrain() {
        // its actuator on a free port: another brain (another test run) may hold 8081
        return new SpringApplicationBuilder(BrainApplication.class).profiles("test").properties("server.port=0").run();
    }

    /** The test's own connection to the brain's database, usable while the brain is down. */
    private static JdbcTemplate jdbcLike(ConfigurableApplicationContext brain) {
        JdbcConnectionDetails database = brain.getBean(JdbcConnectionDetails.class);
        return new JdbcTemplate(new DriverManagerDataSource(database.getJdbcUrl(), database.getUsername(),
                database.getPassword()));
    }

    /** The test's own connection to the brain's broker and vhost, independent of the brain being restarted. */
    private static CachingConnectionFactory connectionLike(ConfigurableApplicationContext brain) {
        RabbitConnectionDetails details = brain.getBean(RabbitConnectionDetails.class);
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(details.getFirstAddress().host(),
                details.getFirstAddress().port());
        connectionFactory.setUsername(details.getUsername());
        connectionFactory.setPassword(details.getPassword());
        connectionFactory.setVirtualHost(details.getVirtualHost());
        return connectionFactory;
    }
}
