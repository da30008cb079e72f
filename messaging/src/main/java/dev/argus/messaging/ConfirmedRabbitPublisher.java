package dev.argus.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.util.Assert;

/** {@link MessagePublisher} on a {@link RabbitTemplate} whose connection factory uses simple publisher confirms. */
public final class ConfirmedRabbitPublisher implements MessagePublisher {

    /** How long to wait for the broker's confirms of one batch. */
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final RabbitTemplate template;

    /**
     * @throws IllegalStateException when the template's connection factory does not use simple publisher
     *                               confirms
     */
    public ConfirmedRabbitPublisher(RabbitTemplate template) {
        Assert.state(template.getConnectionFactory().isSimplePublisherConfirms(),
                "Argus publishes with broker confirms and waits for them: set"
                        + " spring.rabbitmq.publisher-confirm-type=simple");
        this.template = template;
    }

    @Override
    public void publishAll(List<OutboundMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        template.invoke(operations -> {
            for (OutboundMessage message : messages) {
                operations.convertAndSend(message.exchange(), message.routingKey(), message.payload());
            }
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            return null;
        });
    }
}
