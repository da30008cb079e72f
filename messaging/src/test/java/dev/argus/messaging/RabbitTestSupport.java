package dev.argus.messaging;

import dev.argus.common.amqp.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * A connection to the machine's RabbitMQ as the tests of this module use it: user guest in the vhost of
 * {@code SPRING_RABBITMQ_VIRTUALHOST} (default argus-test) or the one given, correlated publisher confirms, the Argus
 * converter.
 */
final class RabbitTestSupport implements AutoCloseable {

    final CachingConnectionFactory connectionFactory;
    final MessageConverter converter = new ArgusMessagingAutoConfiguration().argusMessageConverter();
    final RabbitTemplate template;
    final RabbitAdmin admin;
    final ConfirmedRabbitPublisher publisher;
    private final List<Message> otherDeadLetters = new ArrayList<>();

    RabbitTestSupport() {
        this(env("SPRING_RABBITMQ_VIRTUALHOST", "argus-test"));
    }

    /** As guest in this vhost. */
    RabbitTestSupport(String virtualHost) {
        this(virtualHost, env("SPRING_RABBITMQ_USERNAME", "guest"), env("SPRING_RABBITMQ_PASSWORD", "guest"));
    }

    private RabbitTestSupport(String virtualHost, String username, String password) {
        connectionFactory = new CachingConnectionFactory(env("SPRING_RABBITMQ_HOST", "127.0.0.1"));
        connectionFactory.setVirtualHost(virtualHost);
        connectionFactory.setUsername(username);
        connectionFactory.setPassword(password);
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        template = new RabbitTemplate(connectionFactory);
        template.setMessageConverter(converter);
        admin = new RabbitAdmin(connectionFactory);
        publisher = new ConfirmedRabbitPublisher(template);
    }

    /**
     * As the least-privilege user {@code argus-<role>} of scripts/rabbitmq-users.sh (e.g. role "brain" or
     * "probe-metadata"), with the password of {@code ARGUS_RABBITMQ_<ROLE>_PASSWORD}, by default .ci/services.sh's.
     */
    static RabbitTestSupport asProcess(String virtualHost, String role) {
        return new RabbitTestSupport(virtualHost, "argus-" + role, env("ARGUS_RABBITMQ_"
                + role.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD", "argus-" + role + "-ci"));
    }

    /** Declares everything in the order given, as a process's {@code RabbitAdmin} would. */
    static void declare(AmqpAdmin admin, Declarables... all) {
        for (Declarables declarables : all) {
            for (Declarable declarable : declarables.getDeclarables()) {
                switch (declarable) {
                    case Exchange exchange -> admin.declareExchange(exchange);
                    case Queue queue -> admin.declareQueue(queue);
                    case Binding binding -> admin.declareBinding(binding);
                    default -> throw new IllegalStateException("unexpected " + declarable);
                }
            }
        }
    }

    /** The fan-out exchange and durable queue every process parks messages in. */
    void declareDeadLetters() {
        FanoutExchange exchange = new FanoutExchange(Topology.DEAD_LETTER_EXCHANGE, true, false);
        Queue queue = new Queue(Topology.DEAD_LETTER_QUEUE, true, false, false);
        admin.declareExchange(exchange);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange));
    }

    /**
     * Takes the messages parked so far from {@code argus.dead-letters} and returns those that match; the others are
     * kept aside (they belong to other tests).
     */
    synchronized List<Message> takeParked(Predicate<Message> match) {
        Message message;
        while ((message = template.receive(Topology.DEAD_LETTER_QUEUE)) != null) {
            otherDeadLetters.add(message);
        }
        List<Message> matching = otherDeadLetters.stream().filter(match).toList();
        otherDeadLetters.removeAll(matching);
        return matching;
    }

    /** Parked messages that came from this queue (header {@code x-argus-queue}). */
    Predicate<Message> fromQueue(String queue) {
        return m -> queue.equals(m.getMessageProperties().getHeaders().get(DeadLetters.QUEUE));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        connectionFactory.destroy();
    }
}
