package dev.argus.probe.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.argus.messaging.ArgusTopology;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the probe's start until the exchanges it uses ({@link ArgusTopology#PROBE_EXCHANGES}) exist: the probe's
 * RabbitMQ user may not declare them, a brain does. Checks with passive declarations on a connection of its own (not
 * the pooled one, whose first opening declares the job queues and their bindings, which need {@code argus.probes}),
 * every {@link #RETRY} until all exist, logging which one is missing once and then every minute. Starts before the
 * job consumers and the registration; a stop during the wait ends it.
 */
final class ExchangeWait implements SmartLifecycle {

    /** Before {@code JobConsumers} and {@code Registration}. */
    static final int PHASE = Integer.MAX_VALUE - 300;
    static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ExchangeWait.class);

    private final com.rabbitmq.client.ConnectionFactory connections;
    private final List<String> exchanges;
    private volatile boolean running;
    private volatile boolean stopping;
    private volatile Thread waiting;

    ExchangeWait(AbstractConnectionFactory connectionFactory, List<String> exchanges) {
        this.connections = connectionFactory.getRabbitConnectionFactory();
        this.exchanges = List.copyOf(exchanges);
    }

    @Override
    public void start() {
        stopping = false;
        waiting = Thread.currentThread();
        try {
            long lastLog = 0;
            String missing;
            while ((missing = firstMissing()) != null) {
                if (stopping) {
                    throw new InterruptedException("stopped");
                }
                if (lastLog == 0 || System.nanoTime() - lastLog >= LOG_EVERY.toNanos()) {
                    log.warn("Waiting for a brain to declare {} (the probe's RabbitMQ user may not declare the shared"
                            + " exchanges); checking every {} s", missing, RETRY.toSeconds());
                    lastLog = System.nanoTime();
                }
                Thread.sleep(RETRY);
            }
            if (lastLog != 0) {
                log.info("The exchanges {} exist now; the probe starts", exchanges);
            }
            running = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the brain's exchanges " + exchanges, e);
        } finally {
            waiting = null;
        }
    }

    /**
     * The first exchange that does not exist, a description of why the broker cannot be asked, or null when all
     * exist.
     */
    private String firstMissing() {
        try (Connection connection = connections.newConnection("argus-probe-exchange-check")) {
            for (String exchange : exchanges) {
                Channel channel = connection.createChannel();
                try {
                    channel.exchangeDeclarePassive(exchange);
                    channel.close();
                } catch (IOException notFound) {
                    return "exchange " + exchange;
                }
            }
            return null;
        } catch (IOException | TimeoutException e) {
            return "exchanges " + exchanges + " (the broker does not answer: " + e.getMessage() + ")";
        }
    }

    @Override
    public void stop() {
        stopping = true;
        Thread thread = waiting;
        if (thread != null) {
            thread.interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
