package dev.argus.probe.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/** The probe's start waits for exchanges it may not declare, on the broker of the tests (vhost argus-test). */
class ExchangeWaitIntegrationTests {

    private final CachingConnectionFactory connectionFactory = connectionFactory();
    private final RabbitAdmin admin = new RabbitAdmin(connectionFactory);
    private final String exchange = "argus.test.exchange-wait." + UUID.randomUUID();

    @AfterEach
    void cleanUp() {
        admin.deleteExchange(exchange);
        connectionFactory.destroy();
    }

    @Test
    void theStartReturnsOnlyOnceTheExchangeExists() throws InterruptedException {
        ExchangeWait wait = new ExchangeWait(connectionFactory, List.of(exchange));
        Thread starting = Thread.ofPlatform().start(wait::start);

        assertThat(wait.isRunning()).as("the exchange does not exist yet").isFalse();
        admin.declareExchange(new DirectExchange(exchange, false, true));
        starting.join();

        assertThat(wait.isRunning()).isTrue();
    }

    @Test
    void aStopEndsTheWait() throws InterruptedException {
        ExchangeWait wait = new ExchangeWait(connectionFactory, List.of(exchange));
        Thread starting = Thread.ofPlatform().start(() -> {
            try {
                wait.start();
            } catch (IllegalStateException interrupted) {
                // what the stop causes
            }
        });

        while (starting.getState() != Thread.State.TIMED_WAITING && starting.isAlive()) {
            Thread.onSpinWait();
        }
        wait.stop();
        starting.join();

        assertThat(wait.isRunning()).isFalse();
    }

    private static CachingConnectionFactory connectionFactory() {
        CachingConnectionFactory factory = new CachingConnectionFactory(env("SPRING_RABBITMQ_HOST", "127.0.0.1"));
        factory.setVirtualHost(env("SPRING_RABBITMQ_VIRTUALHOST", "argus-test"));
        factory.setUsername(env("SPRING_RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("SPRING_RABBITMQ_PASSWORD", "guest"));
        return factory;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
