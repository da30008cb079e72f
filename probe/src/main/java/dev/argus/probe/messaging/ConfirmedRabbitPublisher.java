package dev.argus.probe.messaging;

import java.time.Duration;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** {@link MessagePublisher} on a {@link RabbitTemplate} with simple publisher confirms. */
final class ConfirmedRabbitPublisher implements MessagePublisher {

    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final RabbitTemplate template;

    ConfirmedRabbitPublisher(RabbitTemplate template) {
        ConnectionFactory factory = template.getConnectionFactory();
        if (factory instanceof CachingConnectionFactory caching && !caching.isSimplePublisherConfirms()) {
            throw new IllegalStateException("The probe acknowledges a job only after its result is confirmed by the"
                    + " broker: set spring.rabbitmq.publisher-confirm-type=simple.");
        }
        this.template = template;
    }

    @Override
    public void publish(String exchange, String routingKey, Object message) {
        template.invoke(operations -> {
            operations.convertAndSend(exchange, routingKey, message);
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            return null;
        });
    }
}
