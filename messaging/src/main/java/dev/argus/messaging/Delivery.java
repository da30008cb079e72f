package dev.argus.messaging;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * A consumed message's body with what the broker vouches for about its sender: the routing key it was published with
 * and its {@code user_id}, which RabbitMQ accepts only when it names the user of the publishing connection (so it
 * cannot be forged; null when the publisher set none). A consumer that decides by sender gives its
 * {@link GuardedConsumer} the {@link #converter(MessageConverter)}, whose validator and handler then see deliveries.
 *
 * @param body       the converted message
 * @param routingKey the routing key it was published with
 * @param userId     the publishing RabbitMQ user, or null
 */
public record Delivery(Object body, String routingKey, String userId) {

    /** A converter whose {@code fromMessage} wraps the delegate's body in a {@link Delivery} (null stays null). */
    public static MessageConverter converter(MessageConverter delegate) {
        return new MessageConverter() {
            @Override
            public Message toMessage(Object object, MessageProperties properties) throws MessageConversionException {
                return delegate.toMessage(object, properties);
            }

            @Override
            public Object fromMessage(Message message) throws MessageConversionException {
                Object body = delegate.fromMessage(message);
                MessageProperties properties = message.getMessageProperties();
                return body == null ? null
                        : new Delivery(body, properties.getReceivedRoutingKey(), properties.getReceivedUserId());
            }
        };
    }
}
