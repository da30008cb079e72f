package dev.argus.probe;

import dev.argus.messaging.ArgusTopology;
import dev.argus.messaging.QueueProperties;
import java.util.List;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Test-only auto-configuration of every probe test context: before the probe starts, declares what a brain declares
 * ({@link ArgusTopology}, role BRAIN), as the test's own RabbitMQ user ({@code argus.test.rabbitmq.username}, else the
 * probe's), since a probe's least-privilege user waits for the brain's exchanges and may not declare them.
 */
@AutoConfiguration
public class BrainTopologyForTests {

    @Bean
    SmartLifecycle brainTopologyForTests(RabbitProperties rabbit, Environment environment, QueueProperties queues) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                CachingConnectionFactory factory = new CachingConnectionFactory(rabbit.determineHost(),
                        rabbit.determinePort());
                factory.setVirtualHost(rabbit.determineVirtualHost());
                factory.setUsername(environment.getProperty("argus.test.rabbitmq.username",
                        rabbit.determineUsername()));
                factory.setPassword(environment.getProperty("argus.test.rabbitmq.password",
                        rabbit.determinePassword()));
                try {
                    AmqpAdmin admin = new RabbitAdmin(factory);
                    List<Declarable> all = ArgusTopology.declarables(ArgusTopology.Role.BRAIN, List.of(), queues)
                            .getDeclarables().stream().toList();
                    all.forEach(declarable -> {
                        switch (declarable) {
                            case Exchange exchange -> admin.declareExchange(exchange);
                            case Queue queue -> admin.declareQueue(queue);
                            case Binding binding -> admin.declareBinding(binding);
                            default -> throw new IllegalStateException("unexpected " + declarable);
                        }
                    });
                } finally {
                    factory.destroy();
                }
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 400; // before the probe's wait for the exchanges
            }
        };
    }
}
