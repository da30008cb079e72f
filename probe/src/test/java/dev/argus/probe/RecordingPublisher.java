package dev.argus.probe;

import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.OutboundMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.amqp.core.Message;

/**
 * A {@link MessagePublisher} for unit tests: a "broker" step sees each message first (it may throw, as a broker
 * that is down or nacks would), then the message counts as confirmed and is recorded.
 */
public final class RecordingPublisher implements MessagePublisher {

    /** What the broker does with one message; throwing means it was not confirmed. */
    @FunctionalInterface
    public interface Broker {
        void accept(OutboundMessage message);
    }

    private final List<OutboundMessage> published = new CopyOnWriteArrayList<>();
    private final List<Message> raw = new CopyOnWriteArrayList<>();
    private final List<OutboundMessage> transients = new CopyOnWriteArrayList<>();
    private volatile Broker broker = message -> { };

    /** The broker behaves like this from now on. */
    public RecordingPublisher behaving(Broker broker) {
        this.broker = broker;
        return this;
    }

    @Override
    public void publishAll(List<OutboundMessage> messages) {
        for (OutboundMessage message : messages) {
            broker.accept(message);
            published.add(message);
        }
    }

    @Override
    public void publishRaw(String exchange, String routingKey, Message message) {
        broker.accept(new OutboundMessage(exchange, routingKey, message));
        raw.add(message);
    }

    @Override
    public void publishTransient(OutboundMessage message) {
        transients.add(message);
    }

    /** Every confirmed message, in order. */
    public List<OutboundMessage> published() {
        return published;
    }

    /** The payloads of the confirmed messages, in order. */
    public List<Object> payloads() {
        return published.stream().map(OutboundMessage::payload).toList();
    }

    /** The confirmed payloads of one type, in order. */
    public <T> List<T> payloads(Class<T> type) {
        return published.stream().map(OutboundMessage::payload).filter(type::isInstance).map(type::cast).toList();
    }

    public List<Message> raw() {
        return raw;
    }

    public List<OutboundMessage> transients() {
        return transients;
    }
}
