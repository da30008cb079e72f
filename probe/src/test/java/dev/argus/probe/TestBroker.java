package dev.argus.probe;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.core.env.Environment;

/**
 * The test's side of the broker, on a connection of its own: it plays the brain (sends {@code ScanFiles} to
 * {@code argus.probes}) and reads what the probe published (its own queue bound to {@code argus.results}, the
 * brain's registration queue, {@code argus.dead-letters}). It connects to the probe's broker and virtual host with
 * {@code argus.test.rabbitmq.username/password} when set (the probe itself may run as the least-privilege user
 * {@code argus-probe}, which may not send jobs), else with the probe's credentials. Publishes wait for the broker's
 * confirm, so a message sent is in its queue when {@link #send} returns.
 */
public final class TestBroker implements AutoCloseable {

    /** How long {@link #receive} waits for a matching message. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    /** A message read back: its body and the message as delivered (headers, routing key). */
    public record Received<T>(T body, Message message) {
    }

    private final CachingConnectionFactory factory;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;
    private final List<Object> seen = new ArrayList<>();

    private TestBroker(CachingConnectionFactory factory, MessageConverter converter) {
        this.factory = factory;
        this.template = new RabbitTemplate(factory);
        this.template.setMessageConverter(converter);
        this.admin = new RabbitAdmin(factory);
    }

    public static TestBroker connect(RabbitProperties rabbit, Environment environment, MessageConverter converter) {
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit.determineHost(),
                rabbit.determinePort());
        factory.setVirtualHost(rabbit.determineVirtualHost());
        factory.setUsername(environment.getProperty("argus.test.rabbitmq.username", rabbit.determineUsername()));
        factory.setPassword(environment.getProperty("argus.test.rabbitmq.password", rabbit.determinePassword()));
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        factory.setConnectionNameStrategy(f -> "argus-probe-tests");
        return new TestBroker(factory, converter);
    }

    /** Sends a batch of jobs the way the brain does, to {@code argus.probes} with the probe name as key. */
    public void send(ScanFiles batch) {
        send(Topology.PROBE_EXCHANGE, batch.probe(), template.getMessageConverter().toMessage(batch,
                new MessageProperties()));
    }

    /** Sends a batch with its work class as the AMQP priority, as the brain does (Routes#scanFiles). */
    public void sendWithPriority(ScanFiles batch) {
        MessageProperties properties = new MessageProperties();
        properties.setPriority(batch.workClass().priority());
        send(Topology.PROBE_EXCHANGE, batch.probe(), template.getMessageConverter().toMessage(batch, properties));
    }

    /** Sends an already built message and waits for its confirm. */
    public void send(String exchange, String routingKey, Message message) {
        template.invoke(operations -> {
            operations.send(exchange, routingKey, message);
            operations.waitForConfirmsOrDie(WAIT.toMillis());
            return null;
        });
    }

    /**
     * A new queue of the test bound to {@code argus.results} with the key {@code #}, so it gets a copy of every
     * result published from now on. Exclusive, it goes when {@link #close()} closes the connection; not auto-delete,
     * since {@link #receive} consumes for a while and cancels, which would delete it.
     */
    public String resultsQueue() {
        Queue queue = new Queue("argus.test.results." + UUID.randomUUID(), false, true, false);
        admin.declareQueue(queue);
        TopicExchange results = new TopicExchange(Topology.RESULTS_EXCHANGE, true, false);
        Binding binding = BindingBuilder.bind(queue).to(results).with("#");
        admin.declareBinding(binding);
        return queue.getName();
    }

    /**
     * Reads results from the queue until one {@code ResultsReported} answers any of the jobs, and returns it (the
     * others received are kept for the failure message).
     */
    public Received<ResultsReported> report(String queue, Collection<UUID> jobIds) {
        return receive(queue, ResultsReported.class,
                r -> r.results().stream().map(JobResult::jobId).anyMatch(jobIds::contains));
    }

    /** Receives from the queue until a matching message arrives, within {@link #WAIT}. */
    public <T> Received<T> receive(String queue, Class<T> type, Predicate<T> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Message raw = template.receive(queue, 200);
            if (raw == null) {
                continue;
            }
            Object body;
            try {
                body = template.getMessageConverter().fromMessage(raw);
            } catch (RuntimeException unreadable) {
                body = raw;
            }
            seen.add(body);
            if (type.isInstance(body) && matching.test(type.cast(body))) {
                return new Received<>(type.cast(body), raw);
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " on " + queue + " within " + WAIT
                + "; received " + seen);
    }

    /** Receives raw messages from the queue until one matches, within {@link #WAIT}. */
    public Message receiveRaw(String queue, Predicate<Message> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Message raw = template.receive(queue, 200);
            if (raw != null) {
                seen.add(raw);
                if (matching.test(raw)) {
                    return raw;
                }
            }
        }
        throw new AssertionError("no matching message on " + queue + " within " + WAIT + "; received " + seen);
    }

    /** The next message of the queue, or null when it has none right now. */
    public Message poll(String queue) {
        return template.receive(queue);
    }

    /** Messages ready in the queue (delivered but unacknowledged ones do not count). */
    public long ready(String queue) {
        var info = admin.getQueueInfo(queue);
        if (info == null) {
            throw new AssertionError("queue " + queue + " does not exist");
        }
        return info.getMessageCount();
    }

    /** Consumers of the queue. */
    public int consumers(String queue) {
        var info = admin.getQueueInfo(queue);
        if (info == null) {
            throw new AssertionError("queue " + queue + " does not exist");
        }
        return info.getConsumerCount();
    }

    /** Empties a queue when it exists. */
    public void purge(String queue) {
        if (admin.getQueueInfo(queue) != null) {
            admin.purgeQueue(queue, false);
        }
    }

    public MessageConverter converter() {
        return template.getMessageConverter();
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
