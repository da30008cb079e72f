package dev.argus.messaging;

import com.rabbitmq.client.Channel;
import dev.argus.common.amqp.MessageTypes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * A listener (manual acknowledgement, one message or a consumer batch at a time) that keeps one bad message from
 * blocking the others, the same way in every process:
 * <ul>
 *   <li>a message that cannot be read or fails validation is parked in {@code argus.dead-letters} at once;</li>
 *   <li>the readable messages of a batch are handled together (the handler commits them in one transaction) and
 *       acknowledged after it returned;</li>
 *   <li>an infrastructure failure ({@link Failures#isTransient}) holds the messages and handles them again in
 *       place, after pauses that double up to {@link #MAX_PAUSE}, for up to {@code hold} (default {@link #HOLD});
 *       only then are they requeued, however often: the database or broker will be back. Held in place, a message
 *       is not redelivered, so a database outage does not use up a quorum queue's delivery limit
 *       (docs/operations.md#broker-cluster);</li>
 *   <li>any other failure is retried message by message; a message that fails alone is requeued up to
 *       {@code maxFailures} times (counted in this process) and then parked, so it is handled at most that many times
 *       and never stalls the queue.</li>
 * </ul>
 * Every failed handling and every parked message is counted ({@link ConsumerMeters}).
 * Thread-safe: one instance may serve several consumers of a container.
 */
public final class GuardedConsumer implements ChannelAwareBatchMessageListener {

    /** Handles readable, valid messages, all or none (one transaction). */
    @FunctionalInterface
    public interface Handler {
        /**
         * @throws InterruptedException when the process is stopping: the messages go back to the queue
         */
        void handle(List<Object> messages) throws InterruptedException;
    }

    /** Why a readable message can never be handled, or null when it is fine. */
    @FunctionalInterface
    public interface Validator {
        String problem(Object message);
    }

    /** How long messages whose handling failed on the infrastructure are held and retried before they go back. */
    public static final Duration HOLD = Duration.ofMinutes(5);
    /** The longest pause between two attempts of held messages. */
    public static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(GuardedConsumer.class);
    /** {@link #attempt}'s answer when the messages go back to the queue: stopping, or still no infrastructure. */
    private static final RuntimeException BACK_TO_QUEUE = new RuntimeException("back to the queue");
    private static final int TRACKED = 10_000;

    private final String name;
    private final MessageConverter converter;
    private final Validator validator;
    private final Handler handler;
    private final DeadLetters deadLetters;
    private final int maxFailures;
    private final Duration pause;
    private final Duration hold;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > TRACKED;
        }
    };

    /**
     * @param name        for logs, e.g. the queue name
     * @param maxFailures how many failed handlings of one message before it is parked (at least 1)
     * @param pause       how long to wait before requeueing after a failure, so a failing database is not hammered
     */
    public GuardedConsumer(String name, MessageConverter converter, Validator validator, Handler handler,
                           DeadLetters deadLetters, int maxFailures, Duration pause) {
        this(name, converter, validator, handler, deadLetters, maxFailures, pause, HOLD);
    }

    /**
     * @param hold how long to hold and retry messages after an infrastructure failure before requeueing them (zero:
     *             requeue after one pause)
     */
    public GuardedConsumer(String name, MessageConverter converter, Validator validator, Handler handler,
                           DeadLetters deadLetters, int maxFailures, Duration pause, Duration hold) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.name = name;
        this.converter = converter;
        this.validator = validator;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.maxFailures = maxFailures;
        this.pause = pause;
        this.hold = hold;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        onMessageBatch(List.of(message), channel);
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        try {
            handleBatch(messages, channel);
        } catch (IOException e) {
            throw new AmqpException("acknowledging on " + name + " failed: " + e.getMessage(), e);
        }
    }

    private void handleBatch(List<Message> messages, Channel channel) throws IOException {
        List<Readable> readable = new ArrayList<>(messages.size());
        for (Message message : messages) {
            String problem;
            Object body = null;
            try {
                body = converter.fromMessage(message);
                problem = body == null ? "an empty message" : validator.problem(body);
            } catch (RuntimeException e) {
                problem = "unreadable: " + e.getMessage();
            }
            if (problem == null) {
                readable.add(new Readable(message, body));
            } else {
                park(message, problem, 1, channel);
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        RuntimeException failure = attempt(readable.stream().map(Readable::body).toList());
        if (failure == null) {
            for (Readable r : readable) {
                ack(r.message(), channel);
            }
            return;
        }
        if (failure == BACK_TO_QUEUE) {
            requeue(readable, channel);
            return;
        }
        if (readable.size() == 1) {
            failedAlone(readable.getFirst(), failure, channel);
            return;
        }
        log.warn("{}: a batch of {} failed ({}); handling its messages one by one", name, readable.size(),
                failure.toString());
        for (Readable r : readable) {
            RuntimeException alone = attempt(List.of(r.body()));
            if (alone == null) {
                ack(r.message(), channel);
            } else if (alone == BACK_TO_QUEUE) {
                nack(r.message(), channel);
            } else {
                failedAlone(r, alone, channel);
            }
        }
    }

    /**
     * Handles the messages, holding and retrying them in place while the failure is one of the infrastructure.
     *
     * @return null when they were handled; {@link #BACK_TO_QUEUE} when the process is stopping or the infrastructure
     *         stayed down for the whole hold; else the failure that is not the infrastructure's
     */
    private RuntimeException attempt(List<Object> bodies) {
        long deadline = System.nanoTime() + hold.toNanos();
        Duration wait = pause;
        boolean held = false;
        while (true) {
            try {
                handler.handle(bodies);
                if (held) {
                    log.info("{}: {} held message(s) handled, the infrastructure is back", name, bodies.size());
                }
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return BACK_TO_QUEUE;
            } catch (RuntimeException e) {
                deadLetters.meters().failed(name, e, bodies.size());
                if (!Failures.isTransient(e)) {
                    return e;
                }
                if (!held && !hold.isZero()) {
                    log.warn("{}: {} message(s) held after an infrastructure failure, tried again for up to {} s: {}",
                            name, bodies.size(), hold.toSeconds(), e.toString());
                }
                held = true;
                sleep(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return BACK_TO_QUEUE;
                }
                if (System.nanoTime() - deadline >= 0) {
                    log.warn("{}: {} message(s) go back to the queue, the infrastructure is still down: {}", name,
                            bodies.size(), e.toString());
                    return BACK_TO_QUEUE;
                }
                Duration doubled = wait.multipliedBy(2);
                wait = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
            }
        }
    }

    private void failedAlone(Readable r, RuntimeException cause, Channel channel) throws IOException {
        String key = key(r.message());
        int count;
        synchronized (failures) {
            count = failures.merge(key, 1, Integer::sum);
        }
        if (count >= maxFailures) {
            park(r.message(), describe(cause), count, channel);
            synchronized (failures) {
                failures.remove(key);
            }
            return;
        }
        log.warn("{}: message {} (type {}) failed {} time(s), requeued: {}", name,
                r.message().getMessageProperties().getMessageId(), type(r.message()), count, describe(cause));
        sleep(pause);
        nack(r.message(), channel);
    }

    private void park(Message message, String reason, int count, Channel channel) throws IOException {
        try {
            deadLetters.park(message, reason, count);
            ack(message, channel);
        } catch (AmqpException e) {
            log.warn("{}: could not park message {} ({}), it goes back to the queue", name,
                    message.getMessageProperties().getMessageId(), e.getMessage());
            sleep(pause);
            nack(message, channel);
        }
    }

    private static void requeue(List<Readable> readable, Channel channel) throws IOException {
        for (Readable r : readable) {
            nack(r.message(), channel);
        }
    }

    private static void ack(Message message, Channel channel) throws IOException {
        if (channel.isOpen()) {
            channel.basicAck(tag(message), false);
        }
    }

    /**
     * Requeues the message. On a channel that closed meanwhile (the connection dropped) there is nothing to do: the
     * broker requeues every unacknowledged message of a closed channel itself, and a delivery tag sent on another
     * channel would only close that one too.
     */
    private static void nack(Message message, Channel channel) throws IOException {
        if (channel.isOpen()) {
            channel.basicNack(tag(message), false, true);
        }
    }

    private static long tag(Message message) {
        return message.getMessageProperties().getDeliveryTag();
    }

    private static String key(Message message) {
        String id = message.getMessageProperties().getMessageId();
        return id != null ? id : message.getMessageProperties().getConsumerQueue() + "#" + Arrays.hashCode(message.getBody());
    }

    private static Object type(Message message) {
        return message.getMessageProperties().getHeaders().get(MessageTypes.TYPE_HEADER);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + " (cause: " + root + ")";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Readable(Message message, Object body) {
    }
}
