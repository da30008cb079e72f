package dev.argus.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.ArgusTopology.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * {@code argus.messaging.queue-type=quorum} on the real broker, in the vhost argus-test-quorum that .ci/services.sh
 * creates with the least-privilege users and the dead-letter policy of scripts/rabbitmq-users.sh
 * ({@code argus_rabbitmq_dead_letter_policy}): every process declares its part of {@link ArgusTopology} as its own
 * user without a conflict, the shared queues are quorum queues with the delivery limit (RabbitMQ refuses a
 * declaration with other arguments), a scan request flows through its quorum queue, and a message delivered more
 * often than the limit ends in {@code argus.parked}, from every queue that has a limit.
 */
class QuorumQueuesIntegrationTests {

    private static final String VHOST = "argus-test-quorum";
    private static final int LIMIT = 3;
    private static final QueueProperties QUORUM = QueueProperties.quorum(LIMIT);
    private static final String ENGINE = "metadata";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PRECONDITION_FAILED = 406;

    private static RabbitTestSupport guest;
    private static RabbitTestSupport frontend;
    private static RabbitTestSupport brain;
    private static RabbitTestSupport probe;

    @BeforeAll
    static void declareAsEveryProcess() {
        guest = new RabbitTestSupport(VHOST);
        // the vhost is this test's: queues of an earlier run (other arguments, left-over messages) go first
        sharedQueues().forEach(queue -> guest.admin.deleteQueue(queue.getName()));
        frontend = RabbitTestSupport.asProcess(VHOST, "frontend");
        brain = RabbitTestSupport.asProcess(VHOST, "brain");
        probe = RabbitTestSupport.asProcess(VHOST, "probe-" + ENGINE);
        declareEverything();
    }

    @AfterAll
    static void disconnect() {
        Stream.of(frontend, brain, probe, guest).forEach(RabbitTestSupport::close);
    }

    @Test
    void everyProcessDeclaresItsPartAgainAsItsOwnUserWithTheSameArguments() {
        // a second round (as after a reconnection), in another order: any disagreement is a PRECONDITION_FAILED
        assertThatCode(() -> {
            declare(probe, ArgusTopology.declarables(Role.PROBE, List.of(ENGINE), QUORUM));
            declare(frontend, ArgusTopology.declarables(Role.FRONTEND, List.of(), QUORUM));
            declare(brain, ArgusTopology.declarables(Role.BRAIN, List.of(), QUORUM),
                    ArgusTopology.probeQueue(ENGINE, QUORUM));
        }).doesNotThrowAnyException();
    }

    @Test
    void theSharedQueuesAreQuorumQueuesWithTheDeliveryLimitAndTheParkedQueueWithout() throws Exception {
        List<Queue> queues = sharedQueues();
        assertThat(queues).extracting(Queue::getName).contains(Topology.SCANS_QUEUE, Topology.DEAD_LETTER_QUEUE,
                Topology.probeQueue(ENGINE));
        for (Queue queue : queues) {
            String name = queue.getName();
            assertThatCode(() -> declare(name, queue.getArguments())).as(name).doesNotThrowAnyException();
            assertThat(refusal(name, Map.of())).as(name + " declared classic")
                    .contains("inequivalent arg 'x-queue-type'");
            Map<String, Object> otherLimit = new HashMap<>(queue.getArguments());
            otherLimit.put(ArgusTopology.DELIVERY_LIMIT, LIMIT + 1);
            assertThat(refusal(name, otherLimit)).as(name + " declared with another delivery limit")
                    .contains("inequivalent arg 'x-delivery-limit'");
            assertThat(queue.getArguments().get(ArgusTopology.DELIVERY_LIMIT)).as(name)
                    .isEqualTo(name.equals(Topology.DEAD_LETTER_QUEUE) ? null : LIMIT);
        }
    }

    @Test
    void aScanRequestFlowsThroughItsQuorumQueueAndOneThatKeepsFailingIsParkedByTheBroker() {
        ScanRequested good = new ScanRequested(UUID.randomUUID(), List.of(), List.of(), false, Instant.now());
        CancelScan poison = new CancelScan(UUID.randomUUID(), Instant.now());
        List<Object> handled = new CopyOnWriteArrayList<>();
        AtomicInteger poisonDeliveries = new AtomicInteger();
        // The database is "down" for the poison message: an infrastructure failure, which a GuardedConsumer that does
        // not hold messages (hold zero) requeues however often; only the broker's delivery limit ends that.
        GuardedConsumer consumer = new GuardedConsumer(Topology.SCANS_QUEUE, brain.converter, message -> null,
                messages -> {
                    if (messages.contains(poison)) {
                        poisonDeliveries.incrementAndGet();
                        throw new DataAccessResourceFailureException("database down");
                    }
                    handled.addAll(messages);
                }, new DeadLetters(brain.publisher, "argus-brain", new ConsumerMeters(new SimpleMeterRegistry())),
                1, Duration.ofMillis(10), Duration.ZERO);
        SimpleMessageListenerContainer container = Consumers.container(brain.connectionFactory, Topology.SCANS_QUEUE,
                consumer, Consumers.Settings.single(1, 1), true);
        container.start();
        try {
            frontend.publisher.publishAll(List.of(Routes.cancelScan(poison), Routes.scanRequested(good)));

            await().atMost(WAIT).until(() -> handled.contains(good));
            Message parked = awaitParked(m -> new String(m.getBody(), StandardCharsets.UTF_8)
                    .contains(poison.scanId().toString()));

            assertThat(brain.converter.fromMessage(parked)).isEqualTo(poison);
            assertThat(deathOf(parked)).containsEntry("queue", Topology.SCANS_QUEUE)
                    .containsEntry("reason", "delivery_limit")
                    .containsEntry("exchange", Topology.BRAIN_EXCHANGE)
                    .containsEntry("routing-keys", List.of(Topology.SCANS_KEY));
            assertThat(poisonDeliveries).as("deliveries: the first and %d redeliveries", LIMIT)
                    .hasValue(LIMIT + 1);
            assertThat(handled).containsExactly(good);
        } finally {
            container.stop();
        }
    }

    /**
     * A database outage longer than the delivery limit allows redeliveries: the consumer holds the message and tries
     * it again in place, so the broker never redelivers it and it is handled once the database is back.
     */
    @Test
    void aMessageHeldThroughAnOutageOfMoreAttemptsThanTheLimitIsHandledNotParked() {
        CancelScan held = new CancelScan(UUID.randomUUID(), Instant.now());
        List<Object> handled = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        GuardedConsumer consumer = new GuardedConsumer(Topology.SCANS_QUEUE, brain.converter, message -> null,
                messages -> {
                    if (attempts.incrementAndGet() <= 2 * LIMIT) {
                        throw new DataAccessResourceFailureException("database down");
                    }
                    handled.addAll(messages);
                }, new DeadLetters(brain.publisher, "argus-brain", new ConsumerMeters(new SimpleMeterRegistry())),
                1, Duration.ofMillis(10), WAIT);
        SimpleMessageListenerContainer container = Consumers.container(brain.connectionFactory, Topology.SCANS_QUEUE,
                consumer, Consumers.Settings.single(1, 1), true);
        container.start();
        try {
            frontend.publisher.publishAll(List.of(Routes.cancelScan(held)));

            await().atMost(WAIT).until(() -> handled.contains(held));
            assertThat(attempts).as("failed %d times, more than the limit of %d deliveries", 2 * LIMIT, LIMIT)
                    .hasValue(2 * LIMIT + 1);
            assertThat(handled).containsExactly(held);
        } finally {
            container.stop();
        }
        assertThat(guest.takeParked(m -> new String(m.getBody(), StandardCharsets.UTF_8)
                .contains(held.scanId().toString()))).as("not parked").isEmpty();
    }

    @Test
    void aMessageRequeuedMoreOftenThanTheLimitIsParkedFromEveryQueueThatHasOne() throws Exception {
        Map<String, String> markers = new LinkedHashMap<>();
        for (Queue queue : sharedQueues()) {
            if (queue.getArguments().containsKey(ArgusTopology.DELIVERY_LIMIT)) {
                markers.put(queue.getName(), UUID.randomUUID().toString());
            }
        }
        assertThat(markers).hasSize(sharedQueues().size() - 1).doesNotContainKey(Topology.DEAD_LETTER_QUEUE);

        try (var connection = guest.connectionFactory.getRabbitConnectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (var entry : markers.entrySet()) {
                channel.basicPublish("", entry.getKey(), new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                        entry.getValue().getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
            for (var entry : markers.entrySet()) {
                assertThat(rejectUntilGone(channel, entry.getKey(), entry.getValue())).as(entry.getKey())
                        .isEqualTo(LIMIT + 1);
            }
        }

        for (var entry : markers.entrySet()) {
            Message parked = awaitParked(m -> new String(m.getBody(), StandardCharsets.UTF_8)
                    .equals(entry.getValue()));
            assertThat(deathOf(parked)).as(entry.getKey()).containsEntry("queue", entry.getKey())
                    .containsEntry("reason", "delivery_limit");
        }
    }

    /** The durable, shared queues of every role (and one probe's job queue), as the processes declare them. */
    private static List<Queue> sharedQueues() {
        Map<String, Queue> queues = new LinkedHashMap<>();
        Stream.of(ArgusTopology.declarables(Role.BRAIN, List.of(), QUORUM),
                        ArgusTopology.declarables(Role.FRONTEND, List.of(), QUORUM),
                        ArgusTopology.probeQueue(ENGINE, QUORUM))
                .flatMap(d -> d.getDeclarablesByType(Queue.class).stream())
                .forEach(queue -> queues.putIfAbsent(queue.getName(), queue));
        return List.copyOf(queues.values());
    }

    /** As each process does at start: the brain first (it declares the exchanges a probe waits for). */
    private static void declareEverything() {
        declare(brain, ArgusTopology.declarables(Role.BRAIN, List.of(), QUORUM),
                ArgusTopology.probeQueue(ENGINE, QUORUM));
        declare(frontend, ArgusTopology.declarables(Role.FRONTEND, List.of(), QUORUM),
                ArgusTopology.liveQueue("quorumtest-0a1b2c3d"));
        declare(probe, ArgusTopology.declarables(Role.PROBE, List.of(ENGINE), QUORUM));
    }

    private static void declare(RabbitTestSupport process, Declarables... all) {
        RabbitTestSupport.declare(process.admin, all);
    }

    /** Declares the durable queue on a channel of its own (a refusal closes the channel). */
    private static void declare(String queue, Map<String, Object> arguments) throws Exception {
        try (var connection = guest.connectionFactory.getRabbitConnectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, arguments);
        }
    }

    /** The broker's reason for refusing the declaration, which must be a PRECONDITION_FAILED. */
    private static String refusal(String queue, Map<String, Object> arguments) {
        List<String> reasons = new ArrayList<>();
        assertThatThrownBy(() -> declare(queue, arguments)).satisfies(failure -> {
            Throwable cause = failure;
            while (cause != null && !(cause instanceof ShutdownSignalException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("a channel closed by the broker").isNotNull();
            var close = (AMQP.Channel.Close) ((ShutdownSignalException) cause).getReason();
            assertThat(close.getReplyCode()).isEqualTo(PRECONDITION_FAILED);
            reasons.add(close.getReplyText());
        });
        return reasons.getFirst();
    }

    /**
     * Takes the marked message from the queue and requeues it (basic.nack, requeue) until the broker no longer
     * delivers it; returns how often it was delivered.
     */
    private static int rejectUntilGone(Channel channel, String queue, String marker) throws Exception {
        int deliveries = 0;
        GetResponse response;
        while ((response = channel.basicGet(queue, false)) != null) {
            assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo(marker);
            deliveries++;
            channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
            assertThat(deliveries).as("deliveries of %s", queue).isLessThanOrEqualTo(LIMIT + 1);
        }
        return deliveries;
    }

    private static Message awaitParked(java.util.function.Predicate<Message> match) {
        List<Message> found = new CopyOnWriteArrayList<>();
        await().atMost(WAIT).alias("a message in " + Topology.DEAD_LETTER_QUEUE + " (is the policy argus-dead-letters"
                        + " of scripts/rabbitmq-users.sh set in " + VHOST + "? .ci/services.sh sets it)")
                .until(() -> found.addAll(guest.takeParked(match)));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /** The broker's record of the (first) dead-lettering: the x-death entry. */
    private static Map<String, Object> deathOf(Message parked) {
        List<Map<String, ?>> deaths = parked.getMessageProperties().getXDeathHeader();
        assertThat(deaths).as("x-death of a message dead-lettered by the broker").hasSize(1);
        return Map.copyOf(deaths.getFirst());
    }
}
