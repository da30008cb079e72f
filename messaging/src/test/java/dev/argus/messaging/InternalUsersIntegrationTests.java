package dev.argus.messaging;

import static dev.argus.messaging.QueueProperties.CLASSIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanProgressed;
import dev.argus.common.message.ScanRequested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * The least-privilege RabbitMQ users of scripts/rabbitmq-users.sh (created by .ci/services.sh) on the real
 * broker, driven through the same Spring AMQP stack the processes use: each user declares what
 * {@link ArgusTopology} declares for its role, publishes its {@link Routes} with confirms and consumes its queues;
 * it is refused what belongs to another process, and a probe engine's user (argus-probe-metadata) what belongs to
 * another engine. Runs in the vhost of {@code SPRING_RABBITMQ_VIRTUALHOST} (default
 * argus-test); passwords from {@code ARGUS_RABBITMQ_<ROLE>_PASSWORD}, by default those .ci/services.sh sets.
 */
class InternalUsersIntegrationTests {

    private static final String VHOST = env("SPRING_RABBITMQ_VIRTUALHOST", "argus-test");
    /** The probe user of these tests is argus-probe-metadata; clamav is another engine's. */
    private static final String ENGINE = "metadata";
    private static final String OTHER_ENGINE = "clamav";
    private static final String INSTANCE = "permtest-0a1b2c3d";
    private static final MessageConverter CONVERTER = new ArgusMessagingAutoConfiguration().argusMessageConverter();

    private static Process frontend;
    private static Process brain;
    private static Process probe;

    @BeforeAll
    static void connect() {
        frontend = new Process("frontend");
        brain = new Process("brain");
        probe = new Process("probe-" + ENGINE);
    }

    @AfterAll
    static void disconnect() {
        brain.admin.deleteQueue(Topology.probeQueue(ENGINE));
        for (Process process : List.of(frontend, brain, probe)) {
            process.connectionFactory.destroy();
        }
    }

    @Test
    void eachProcessUserDeclaresItsRolesTopology() {
        assertThatCode(() -> declare(frontend, ArgusTopology.declarables(ArgusTopology.Role.FRONTEND, List.of(),
                CLASSIC), ArgusTopology.liveQueue(INSTANCE))).as("frontend").doesNotThrowAnyException();
        assertThatCode(() -> declare(brain, ArgusTopology.declarables(ArgusTopology.Role.BRAIN, List.of(), CLASSIC),
                ArgusTopology.probeQueue(ENGINE, CLASSIC))).as("brain").doesNotThrowAnyException();
        assertThatCode(() -> declare(probe, ArgusTopology.declarables(ArgusTopology.Role.PROBE, List.of(ENGINE),
                CLASSIC))).as("probe").doesNotThrowAnyException();
    }

    @Test
    void eachProcessUserPublishesItsRoutesAndConsumesItsQueues() {
        declareEverything();
        UUID scanId = UUID.randomUUID();
        String sha256 = "e".repeat(64);
        ProbeJob job = new ProbeJob(UUID.randomUUID(), scanId, sha256, ENGINE, "text/plain", 1, false,
                Instant.now().plusSeconds(60));
        JobResult engineResult = new JobResult(job.jobId(), scanId, sha256, ENGINE, 1, false, false, false,
                new EngineResult(Category.UNDETECTED, null, "1", "2", 3, null, Map.of()));
        JobResult brainResult = new JobResult(null, scanId, sha256, "offline", 0, false, false, false,
                EngineResult.withoutEngine(Category.FAILURE, "probe offline", null));

        ScanRequested scanRequested = new ScanRequested(scanId, List.of(new ScanFile(sha256, 1, "text/plain")),
                List.of(ENGINE), false, Instant.now());
        CancelScan cancel = new CancelScan(scanId, Instant.now());
        ScanProgressed live = new ScanProgressed(scanId.toString(), List.of(), List.of());
        ScanFiles jobs = new ScanFiles(ENGINE, List.of(job));
        ResultsReported fromBrain = new ResultsReported("brain", List.of(brainResult), Instant.now());
        ProbeDirectoryUpdated directory = new ProbeDirectoryUpdated(List.of(), Instant.now());
        ProbeRegistered registered = new ProbeRegistered(INSTANCE, List.of(), false, Instant.now());
        ResultsReported fromProbe = new ResultsReported(INSTANCE, List.of(engineResult), Instant.now());

        // frontend -> brain, and every frontend's live events
        frontend.publisher.publishAll(List.of(Routes.scanRequested(scanRequested), Routes.cancelScan(cancel)));
        frontend.publisher.publishTransient(Routes.live(live));
        // brain -> probe, frontends
        brain.publisher.publishAll(List.of(Routes.scanFiles(jobs), Routes.brainResults(fromBrain),
                Routes.directory(directory)));
        // probe -> brain and frontends
        probe.publisher.publishAll(List.of(Routes.registration(registered), Routes.probeResults(ENGINE, fromProbe)));
        // every process parks what it cannot handle
        for (Process process : List.of(frontend, brain, probe)) {
            process.deadLetters.park(rawMessage(scanId), "permission test of " + process.role, 1);
        }

        assertThat(drain(brain, Topology.SCANS_QUEUE)).contains(scanRequested, cancel);
        assertThat(drain(brain, Topology.PROBES_QUEUE)).contains(registered);
        assertThat(drain(brain, Topology.BRAIN_RESULTS_QUEUE)).contains(fromProbe).doesNotContain(fromBrain);
        assertThat(drain(probe, Topology.probeQueue(ENGINE))).contains(jobs);
        assertThat(drain(frontend, Topology.FRONTEND_RESULTS_QUEUE)).contains(fromProbe, fromBrain);
        assertThat(drain(frontend, Topology.DIRECTORY_QUEUE)).contains(directory);
        assertThat(frontend.template.receiveAndConvert(Topology.LIVE_QUEUE_PREFIX + INSTANCE, 5_000))
                .as("transient, so not confirmed: waited for").isEqualTo(live);
        List<Object> parkedBy = new ArrayList<>();
        Message parked;
        while ((parked = frontend.template.receive(Topology.DEAD_LETTER_QUEUE)) != null) {
            if (new String(parked.getBody(), StandardCharsets.UTF_8).contains(scanId.toString())) {
                parkedBy.add(parked.getMessageProperties().getHeaders().get(DeadLetters.ERROR));
            }
        }
        assertThat(parkedBy).containsExactlyInAnyOrder("permission test of frontend", "permission test of brain",
                "permission test of probe-" + ENGINE);
    }

    @Test
    void aProbeCannotRequestOrCancelScansNorSendJobsDirectoriesOrLiveEventsNorReadWhatOthersConsume() {
        declareEverything();
        assertPublishRefused(probe, Routes.scanRequested(new ScanRequested(UUID.randomUUID(), List.of(), List.of(ENGINE),
                true, Instant.now())));
        assertPublishRefused(probe, Routes.cancelScan(new CancelScan(UUID.randomUUID(), Instant.now())));
        assertPublishRefused(probe, Routes.scanFiles(new ScanFiles(ENGINE, List.of())));
        assertPublishRefused(probe, Routes.directory(new ProbeDirectoryUpdated(List.of(),
                Instant.now())));
        assertPublishRefused(probe, Routes.live(new ScanProgressed("probe", List.of(), List.of())));
        assertRefused(() -> probe.template.receive(Topology.FRONTEND_RESULTS_QUEUE));
        assertRefused(() -> probe.template.receive(Topology.BRAIN_RESULTS_QUEUE));
        assertRefused(() -> probe.template.receive(Topology.SCANS_QUEUE));
        assertRefused(() -> probe.template.receive(Topology.PROBES_QUEUE));
        assertRefused(() -> probe.template.receive(Topology.DIRECTORY_QUEUE));
        assertRefused(() -> probe.template.receive(Topology.DEAD_LETTER_QUEUE));
        assertRefused(() -> probe.template.receive(Topology.LIVE_QUEUE_PREFIX + INSTANCE));
        assertRefused(() -> probe.admin.declareQueue(new Queue(Topology.SCANS_QUEUE, true, false, false)));
        assertRefused(() -> probe.template.execute(channel -> channel.queueDelete(Topology.SCANS_QUEUE)));
        assertRefused(() -> probe.admin.declareExchange(new FanoutExchange(Topology.LIVE_EXCHANGE, true, false)));
        assertRefused(() -> probe.admin.declareQueue(new Queue("argus.stolen", true, false, false)));
    }

    @Test
    void aProbeUserCannotTakeAnotherEnginesJobsNorReportAsAnotherEngineNorTouchTheSharedExchanges() {
        declareEverything();
        // (a) another engine's job queue: neither consumed nor declared
        assertRefused(() -> probe.template.receive(Topology.probeQueue(OTHER_ENGINE)));
        assertRefused(() -> probe.admin.declareQueue(new Queue(Topology.probeQueue(OTHER_ENGINE), true, false,
                false)));
        // (b) results under another engine's routing key (topic permission on argus.results)
        assertPublishRefused(probe, Routes.probeResults(OTHER_ENGINE, new ResultsReported(INSTANCE, List.of(),
                Instant.now())));
        // (c) the shared exchanges and queues are the brain's
        assertRefused(() -> probe.admin.declareExchange(new TopicExchange(Topology.RESULTS_EXCHANGE, true, false)));
        assertRefused(() -> probe.template.execute(channel -> channel.exchangeDelete(Topology.RESULTS_EXCHANGE)));
        assertRefused(() -> probe.template.execute(channel -> channel.exchangeDelete(Topology.PROBE_EXCHANGE)));
        assertRefused(() -> probe.template.execute(channel -> channel.queueDelete(Topology.BRAIN_RESULTS_QUEUE)));
        // (d) its own queue and its own results key
        assertThatCode(() -> probe.template.receive(Topology.probeQueue(ENGINE))).doesNotThrowAnyException();
        assertThatCode(() -> probe.publisher.publish(Routes.probeResults(ENGINE, new ResultsReported(INSTANCE,
                List.of(), Instant.now())))).doesNotThrowAnyException();
    }

    @Test
    void aProbeCannotPublishUnderAnotherUsersUserId() {
        declareEverything();
        byte[] body = CONVERTER.toMessage(new ResultsReported(INSTANCE, List.of(), Instant.now()),
                new MessageProperties()).getBody();

        assertThatThrownBy(() -> {
            try (com.rabbitmq.client.Connection connection = probe.connectionFactory.getRabbitConnectionFactory()
                    .newConnection(); com.rabbitmq.client.Channel channel = connection.createChannel()) {
                channel.confirmSelect();
                channel.basicPublish(Topology.RESULTS_EXCHANGE, Topology.probeResultKey(ENGINE),
                        new com.rabbitmq.client.AMQP.BasicProperties.Builder().userId("argus-probe-" + OTHER_ENGINE)
                                .build(), body);
                channel.waitForConfirmsOrDie(5_000);
            }
        }).satisfies(e -> assertThat(causes(e)).contains("PRECONDITION_FAILED").contains("user_id"));
    }

    @Test
    void theFrontendCannotReadTheBrainsOrTheProbesQueuesNorDeclareProbeQueues() {
        declareEverything();
        assertRefused(() -> frontend.template.receive(Topology.SCANS_QUEUE));
        assertRefused(() -> frontend.template.receive(Topology.BRAIN_RESULTS_QUEUE));
        assertRefused(() -> frontend.template.receive(Topology.PROBES_QUEUE));
        assertRefused(() -> frontend.template.receive(Topology.probeQueue(ENGINE)));
        assertRefused(() -> frontend.admin.declareQueue(new Queue(Topology.probeQueue("clamav"), true, false, false)));
        assertRefused(() -> frontend.admin.declareQueue(new Queue(Topology.BRAIN_RESULTS_QUEUE, true, false, false)));
        assertRefused(() -> frontend.template.execute(channel -> channel.queueDelete(Topology.BRAIN_RESULTS_QUEUE)));
    }

    @Test
    void theBrainCannotReadTheFrontendsQueuesNorTouchLiveEvents() {
        declareEverything();
        assertRefused(() -> brain.template.receive(Topology.FRONTEND_RESULTS_QUEUE));
        assertRefused(() -> brain.template.receive(Topology.DIRECTORY_QUEUE));
        assertRefused(() -> brain.template.receive(Topology.DEAD_LETTER_QUEUE));
        assertRefused(() -> brain.template.receive(Topology.LIVE_QUEUE_PREFIX + INSTANCE));
        assertPublishRefused(brain, Routes.live(new ScanProgressed("brain", List.of(), List.of())));
        assertRefused(() -> brain.admin.declareExchange(new FanoutExchange(Topology.LIVE_EXCHANGE, true, false)));
        assertRefused(() -> brain.admin.declareQueue(new Queue("argus.stolen", true, false, false)));
    }

    @Test
    void noProcessCanPublishStraightIntoAQueueThroughTheDefaultExchange() {
        declareEverything();
        for (Process process : List.of(frontend, brain, probe)) {
            assertPublishRefused(process, new OutboundMessage("", Topology.SCANS_QUEUE,
                    new CancelScan(UUID.randomUUID(), Instant.now())));
        }
    }

    // ---- helpers

    /** The topology every test relies on, declared by the users themselves (the live queue is exclusive to one). */
    private static void declareEverything() {
        declare(brain, ArgusTopology.declarables(ArgusTopology.Role.BRAIN, List.of(), CLASSIC),
                ArgusTopology.probeQueue(ENGINE, CLASSIC), ArgusTopology.probeQueue(OTHER_ENGINE, CLASSIC));
        declare(frontend, ArgusTopology.declarables(ArgusTopology.Role.FRONTEND, List.of(), CLASSIC),
                ArgusTopology.liveQueue(INSTANCE));
        declare(probe, ArgusTopology.declarables(ArgusTopology.Role.PROBE, List.of(ENGINE), CLASSIC));
    }

    private static void declare(Process process, Declarables... all) {
        RabbitTestSupport.declare(process.admin, all);
    }

    /** Every message in the queue (all were confirmed before, so nothing is on its way). */
    private static List<Object> drain(Process process, String queue) {
        List<Object> all = new ArrayList<>();
        Message message;
        while ((message = process.template.receive(queue)) != null) {
            try {
                all.add(CONVERTER.fromMessage(message));
            } catch (RuntimeException leftOverOfAnotherTest) {
                // not ours
            }
        }
        return all;
    }

    private static Message rawMessage(UUID marker) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setConsumerQueue("argus.permission-test");
        return new Message(("{\"marker\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8), properties);
    }

    /**
     * Publishes the route's message on a plain channel with confirms: a refused publish closes the channel, which the
     * wait reports with the broker's reason (the Spring publisher may only see "channel closed").
     */
    private static void assertPublishRefused(Process process, OutboundMessage route) {
        byte[] body = CONVERTER.toMessage(route.payload(), new MessageProperties()).getBody();
        assertRefused(() -> {
            try (com.rabbitmq.client.Connection connection = process.connectionFactory.getRabbitConnectionFactory()
                    .newConnection(); com.rabbitmq.client.Channel channel = connection.createChannel()) {
                channel.confirmSelect();
                channel.basicPublish(route.exchange(), route.routingKey(), null, body);
                channel.waitForConfirmsOrDie(5_000);
            }
        });
    }

    private static void assertRefused(Executable action) {
        assertThatThrownBy(action::execute).satisfies(e -> assertThat(causes(e)).contains("ACCESS_REFUSED"));
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append(' ');
        }
        return all.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** One process's connection as its own user, with the publisher and dead letters the processes use. */
    private static final class Process {

        final String role;
        final CachingConnectionFactory connectionFactory;
        final RabbitTemplate template;
        final RabbitAdmin admin;
        final ConfirmedRabbitPublisher publisher;
        final DeadLetters deadLetters;

        Process(String role) {
            this.role = role;
            connectionFactory = new CachingConnectionFactory(env("SPRING_RABBITMQ_HOST", "127.0.0.1"));
            connectionFactory.setVirtualHost(VHOST);
            connectionFactory.setUsername("argus-" + role);
            connectionFactory.setPassword(env("ARGUS_RABBITMQ_" + role.toUpperCase().replace('-', '_')
                    + "_PASSWORD", "argus-" + role + "-ci"));
            connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
            connectionFactory.setConnectionNameStrategy(cf -> "argus-permissions-test-" + role);
            template = new RabbitTemplate(connectionFactory);
            template.setMessageConverter(CONVERTER);
            admin = new RabbitAdmin(connectionFactory);
            publisher = new ConfirmedRabbitPublisher(template);
            deadLetters = new DeadLetters(publisher, "argus-" + role, new ConsumerMeters(new SimpleMeterRegistry()));
            try {
                connectionFactory.createConnection().close();
            } catch (RuntimeException e) {
                throw new IllegalStateException("RabbitMQ user argus-" + role + " cannot open vhost " + VHOST
                        + ": create the users with .ci/services.sh (scripts/rabbitmq-users.sh): " + e.getMessage(), e);
            }
        }
    }
}
