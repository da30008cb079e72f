package dev.argus.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ScanFiles;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * {@link GuardedConsumer} in a {@link Consumers} container on the real broker, with a handler whose behaviour each
 * test scripts per message (the messages are {@code CancelScan}s told apart by scan id): what is parked in
 * {@code argus.dead-letters}, when, with which headers, and that nothing bad blocks the good messages.
 */
class GuardedConsumerIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration PAUSE = Duration.ofMillis(50);

    private final RabbitTestSupport rabbit = new RabbitTestSupport();
    private final String queue = "argus.test.guarded." + UUID.randomUUID();
    /** Scripted failures: the exception the n-th handling (1-based) of a message throws, or null to succeed. */
    private final Map<UUID, IntFunction<RuntimeException>> script = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<UUID> handled = new CopyOnWriteArrayList<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerMeters meters = new ConsumerMeters(registry);
    private SimpleMessageListenerContainer container;

    @BeforeEach
    void declare() {
        rabbit.declareDeadLetters();
        rabbit.admin.declareQueue(new Queue(queue, false, false, false));
    }

    @AfterEach
    void cleanUp() {
        if (container != null) {
            container.stop();
        }
        rabbit.admin.deleteQueue(queue);
        rabbit.close();
    }

    @Test
    void anUnreadableOrInvalidMessageIsParkedAtOnceWithoutReachingTheHandler() {
        UUID good = UUID.randomUUID();
        sendRaw("this is not JSON", "CancelScan");
        sendRaw("{\"scanId\":null}", "CancelScan");
        rabbit.template.convertAndSend(queue, new ScanFiles("clamav", List.of()));
        send(good);

        start(3, Consumers.Settings.single(1, 10));

        await().atMost(WAIT).until(() -> handled.contains(good));
        List<Message> parked = awaitParked(3);
        assertThat(parked).extracting(m -> m.getMessageProperties().<String>getHeader(DeadLetters.ERROR))
                .satisfiesExactlyInAnyOrder(
                        error -> assertThat(error).startsWith("unreadable: "),
                        error -> assertThat(error).isEqualTo("a CancelScan without scan id"),
                        error -> assertThat(error).isEqualTo("a ScanFiles does not belong here"));
        assertThat(parked).allSatisfy(m -> assertThat(m.getMessageProperties().getHeaders())
                .containsEntry(DeadLetters.FAILURES, 1)
                .containsEntry(DeadLetters.QUEUE, queue)
                .containsEntry(DeadLetters.EXCHANGE, "")
                .containsEntry(DeadLetters.ROUTING_KEY, queue)
                .containsEntry(DeadLetters.PROCESS, "argus-test")
                .containsKeys(DeadLetters.ID, DeadLetters.PARKED_AT));
        assertThat(new String(parked.stream().filter(m -> m.getMessageProperties().<String>getHeader(
                DeadLetters.ERROR).startsWith("unreadable")).findFirst().orElseThrow().getBody(),
                StandardCharsets.UTF_8)).as("the parked copy keeps the body").isEqualTo("this is not JSON");
        assertThat(attempts.keySet()).containsExactly(good);
    }

    @Test
    void aTransientFailureIsRequeuedUntilItSucceedsAndNeverParked() {
        UUID flaky = UUID.randomUUID();
        script.put(flaky, attempt -> switch (attempt) {
            case 1, 3 -> new AmqpConnectException(new ConnectException("broker restarting"));
            case 2, 4 -> new DataAccessResourceFailureException("database restarting");
            default -> null;
        });
        send(flaky);

        start(2, Consumers.Settings.single(1, 10));

        await().atMost(WAIT).until(() -> handled.contains(flaky));
        assertThat(attempts.get(flaky)).as("more failures than max-failures, none counted").hasValue(5);
        assertThat(handled).containsOnlyOnce(flaky);
        // a parked message is confirmed in argus.dead-letters before it is acknowledged, so before any redelivery
        assertThat(rabbit.takeParked(rabbit.fromQueue(queue))).isEmpty();
        assertThat(failures("broker")).as("argus_consumer_failures_total{kind=broker}").isEqualTo(2);
        assertThat(failures("database")).as("argus_consumer_failures_total{kind=database}").isEqualTo(2);
        assertThat(registry.find("argus.messages.parked").counter()).isNull();
    }

    @Test
    void aMessageThatKeepsFailingIsParkedAfterMaxFailuresAndTheMessageBehindItIsHandled() {
        UUID poison = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        script.put(poison, attempt -> new IllegalStateException("cannot book " + poison));
        send(poison);
        send(good);

        start(3, Consumers.Settings.single(1, 10));

        await().atMost(WAIT).until(() -> handled.contains(good));
        Message parked = awaitParked(1).getFirst();
        assertThat(parked.getMessageProperties().getHeaders())
                .containsEntry(DeadLetters.FAILURES, 3)
                .containsEntry(DeadLetters.QUEUE, queue)
                .containsEntry(DeadLetters.ERROR, "java.lang.IllegalStateException: cannot book " + poison)
                .containsEntry(MessageTypes.TYPE_HEADER, "CancelScan");
        assertThat(rabbit.converter.fromMessage(parked)).isEqualTo(new CancelScan(poison, SENT_AT));
        assertThat(attempts.get(poison)).as("handled exactly max-failures times").hasValue(3);
        assertThat(handled).doesNotContain(poison);
        assertThat(rabbit.admin.getQueueInfo(queue).getMessageCount()).isZero();
        assertThat(registry.get("argus.messages.parked").tag("queue", queue).counter().count())
                .as("argus_messages_parked_total").isEqualTo(1);
        assertThat(failures("message")).as("argus_consumer_failures_total{kind=message}").isEqualTo(3);
    }

    private double failures(String kind) {
        return registry.get("argus.consumer.failures").tags("queue", queue, "kind", kind).counter().count();
    }

    @Test
    void aBatchWithOneBadMessageAcknowledgesTheOthersAndParksOnlyTheBadOnes() {
        UUID first = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        script.put(poison, attempt -> new IllegalArgumentException("bad threat name"));
        send(first);
        send(poison);
        sendRaw("{not json", "CancelScan");
        send(second);
        send(third);

        start(2, new Consumers.Settings(1, 10, 10, Duration.ofMillis(500)));

        await().atMost(WAIT).until(() -> handled.containsAll(List.of(first, second, third)));
        List<Message> parked = awaitParked(2);
        assertThat(parked).extracting(m -> m.getMessageProperties().<Integer>getHeader(DeadLetters.FAILURES))
                .containsExactlyInAnyOrder(1, 2);
        assertThat(batchSizes.getFirst()).as("the readable messages were first handled together").isEqualTo(4);
        assertThat(handled).containsOnlyOnce(first, second, third).doesNotContain(poison);
        assertThat(attempts.get(poison)).hasValue(3); // once in the batch, twice alone
        assertThat(rabbit.admin.getQueueInfo(queue).getMessageCount()).isZero();
    }

    @Test
    void aBatchThatFailsTransientlyGoesBackWholeAndIsHandledOnceTheServiceIsBack() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        AtomicInteger outages = new AtomicInteger(2);
        ids.forEach(id -> script.put(id, attempt -> outages.get() > 0 && outages.getAndDecrement() > 0
                ? new DataAccessResourceFailureException("connection refused") : null));
        ids.forEach(this::send);

        start(1, new Consumers.Settings(1, 10, 10, Duration.ofMillis(500)));

        await().atMost(WAIT).until(() -> handled.containsAll(ids));
        assertThat(handled).containsOnlyOnce(ids.toArray(UUID[]::new));
        assertThat(rabbit.takeParked(rabbit.fromQueue(queue))).isEmpty();
    }

    @Test
    void refusesLessThanOneFailure() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GuardedConsumer("q", rabbit.converter,
                m -> null, m -> { }, new DeadLetters(rabbit.publisher, "argus-test", meters), 0, PAUSE));
    }

    // ---- helpers

    private static final Instant SENT_AT = Instant.parse("2026-12-02T12:00:00Z");

    private void send(UUID scanId) {
        rabbit.template.convertAndSend(queue, new CancelScan(scanId, SENT_AT));
    }

    private void sendRaw(String body, String typeId) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(MessageTypes.TYPE_HEADER, typeId);
        properties.setMessageId(UUID.randomUUID().toString());
        rabbit.template.send(queue, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    private void start(int maxFailures, Consumers.Settings settings) {
        GuardedConsumer consumer = new GuardedConsumer(queue, rabbit.converter, GuardedConsumerIntegrationTests::problem,
                this::handle, new DeadLetters(rabbit.publisher, "argus-test", meters), maxFailures, PAUSE);
        container = Consumers.container(rabbit.connectionFactory, queue, consumer, settings, false);
        container.afterPropertiesSet();
        container.start();
    }

    private static String problem(Object message) {
        if (!(message instanceof CancelScan cancel)) {
            return "a " + message.getClass().getSimpleName() + " does not belong here";
        }
        return cancel.scanId() == null ? "a CancelScan without scan id" : null;
    }

    /** All or none, like a transaction: the batch counts as handled only when no message of it failed. */
    private void handle(List<Object> messages) {
        batchSizes.add(messages.size());
        for (Object message : messages) {
            UUID id = ((CancelScan) message).scanId();
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            RuntimeException failure = script.getOrDefault(id, n -> null).apply(attempt);
            if (failure != null) {
                throw failure;
            }
        }
        messages.forEach(m -> handled.add(((CancelScan) m).scanId()));
    }

    private List<Message> awaitParked(int count) {
        List<Message> parked = new CopyOnWriteArrayList<>();
        await().atMost(WAIT).until(() -> {
            parked.addAll(rabbit.takeParked(rabbit.fromQueue(queue)));
            return parked.size() >= count;
        });
        assertThat(parked).hasSize(count);
        return parked;
    }
}
