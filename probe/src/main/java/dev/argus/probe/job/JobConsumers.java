package dev.argus.probe.job;

import dev.argus.common.amqp.Topology;
import dev.argus.messaging.Consumers;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.GuardedConsumer;
import dev.argus.probe.engine.ActiveEngines;
import dev.argus.probe.spi.ScanEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.SmartLifecycle;

/**
 * One {@link SimpleMessageListenerContainer} per active engine on its queue {@code argus.probe.<name>}: competing
 * consumers, {@code concurrency} of them, each holding at most {@code prefetch} batches, acknowledged by a
 * {@link GuardedConsumer} once the batch's results are confirmed. Stopping waits for the batch in progress for a few
 * engine timeouts; an unfinished batch is redelivered.
 */
final class JobConsumers implements SmartLifecycle {

    static final int PHASE = Integer.MAX_VALUE - 200;
    /** How many engine timeouts a stop waits for the batch in progress (a batch holds several files). */
    private static final int BATCH_ALLOWANCE = 3;

    private static final Logger log = LoggerFactory.getLogger(JobConsumers.class);

    private final ConnectionFactory connectionFactory;
    private final AmqpAdmin admin;
    private final ActiveEngines engines;
    private final JobRunner runner;
    private final MessageConverter converter;
    private final JobProperties properties;
    private final DeadLetters deadLetters;
    private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();

    JobConsumers(ConnectionFactory connectionFactory, AmqpAdmin admin, ActiveEngines engines, JobRunner runner,
                 MessageConverter converter, JobProperties properties, DeadLetters deadLetters) {
        this.connectionFactory = connectionFactory;
        this.admin = admin;
        this.engines = engines;
        this.runner = runner;
        this.converter = converter;
        this.properties = properties;
        this.deadLetters = deadLetters;
    }

    @Override
    public synchronized void start() {
        for (ScanEngine engine : engines.engines()) {
            SimpleMessageListenerContainer container = container(engine);
            container.start();
            containers.add(container);
            log.info("probe {}: consuming queue {} with {} consumer(s), prefetch {}", engine.name(),
                    Topology.probeQueue(engine.name()), properties.concurrency(), properties.prefetch());
        }
    }

    private SimpleMessageListenerContainer container(ScanEngine engine) {
        JobListener jobs = new JobListener(engine, runner);
        GuardedConsumer listener = new GuardedConsumer(Topology.probeQueue(engine.name()), converter,
                JobListener::problemWith, jobs::handle, deadLetters, properties.maxFailures(), Duration.ofSeconds(1));
        SimpleMessageListenerContainer container = Consumers.container(connectionFactory,
                Topology.probeQueue(engine.name()), listener,
                Consumers.Settings.single(properties.concurrency(), properties.prefetch()), false);
        container.setBeanName("jobs-" + engine.name());
        container.setAmqpAdmin(admin);
        container.setShutdownTimeout(engine.timeout().multipliedBy(BATCH_ALLOWANCE).plus(Duration.ofSeconds(15))
                .toMillis());
        container.afterPropertiesSet();
        return container;
    }

    @Override
    public synchronized void stop() {
        containers.forEach(SimpleMessageListenerContainer::stop);
        containers.forEach(SimpleMessageListenerContainer::destroy);
        containers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !containers.isEmpty();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
