package dev.argus.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.message.CancelScan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Publishing with correlated confirms on the real broker. */
class ConfirmedRabbitPublisherIntegrationTests {

    private final RabbitTestSupport rabbit = new RabbitTestSupport();
    private final String queue = "argus.test.publisher." + UUID.randomUUID();

    @BeforeEach
    void declare() {
        rabbit.admin.declareQueue(new Queue(queue, false, false, false));
    }

    @AfterEach
    void cleanUp() {
        rabbit.admin.deleteQueue(queue);
        rabbit.close();
    }

    @Test
    void publishAllReturnsWithEveryMessageInTheQueueInOrderAndPersistent() {
        List<CancelScan> sent = IntStream.range(0, 50).mapToObj(i -> new CancelScan(UUID.randomUUID(),
                Instant.now())).toList();

        rabbit.publisher.publishAll(sent.stream().map(c -> new OutboundMessage("", queue, c)).toList());

        assertThat(rabbit.admin.getQueueInfo(queue).getMessageCount()).as("confirmed before returning")
                .isEqualTo(50);
        List<Object> received = new ArrayList<>();
        Message message;
        while ((message = rabbit.template.receive(queue)) != null) {
            assertThat(message.getMessageProperties().getReceivedDeliveryMode())
                    .isEqualTo(MessageDeliveryMode.PERSISTENT);
            assertThat(message.getMessageProperties().<String>getHeader(MessageTypes.TYPE_HEADER))
                    .isEqualTo("CancelScan");
            received.add(rabbit.converter.fromMessage(message));
        }
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void aMessageTheBrokerCannotTakeFailsTheCall() {
        assertThatThrownBy(() -> rabbit.publisher.publishAll(List.of(
                new OutboundMessage("", queue, new CancelScan(UUID.randomUUID(), Instant.now())),
                new OutboundMessage("argus.no-such-exchange", "x", new CancelScan(UUID.randomUUID(),
                        Instant.now())))))
                .isInstanceOf(AmqpException.class)
                // the nack's reason is the broker's NOT_FOUND or, when the channel's close overtakes it, the close
                .hasMessageStartingWith("the broker refused a message: ")
                .hasMessageMatching("(?s).*(NOT_FOUND|Channel closed).*");
    }

    @Test
    void publishRawSendsTheMessageAsBuilt() {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("text/plain");
        properties.setMessageId("raw-1");
        properties.setHeader("x-argus-error", "why");
        rabbit.publisher.publishRaw("", queue, new Message("as is".getBytes(StandardCharsets.UTF_8), properties));

        Message received = rabbit.template.receive(queue);
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("as is");
        assertThat(received.getMessageProperties().getMessageId()).isEqualTo("raw-1");
        assertThat(received.getMessageProperties().getContentType()).isEqualTo("text/plain");
        assertThat(received.getMessageProperties().<String>getHeader("x-argus-error")).isEqualTo("why");
    }

    @Test
    void publishTransientSendsANonPersistentMessageAndNeverThrows() {
        CancelScan cancel = new CancelScan(UUID.randomUUID(), Instant.now());
        rabbit.publisher.publishTransient(new OutboundMessage("", queue, cancel));
        assertThatCode(() -> rabbit.publisher.publishTransient(new OutboundMessage("argus.no-such-exchange", "x",
                cancel))).doesNotThrowAnyException();

        Message received = rabbit.template.receive(queue, 5_000);
        assertThat(received.getMessageProperties().getReceivedDeliveryMode())
                .isEqualTo(MessageDeliveryMode.NON_PERSISTENT);
        assertThat(rabbit.converter.fromMessage(received)).isEqualTo(cancel);
    }

    @Test
    void refusesAConnectionFactoryWithoutCorrelatedConfirms() {
        CachingConnectionFactory simple = new CachingConnectionFactory("127.0.0.1");
        simple.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        try {
            assertThatIllegalStateException().isThrownBy(() -> new ConfirmedRabbitPublisher(new RabbitTemplate(simple)))
                    .withMessageContaining("publisher-confirm-type=correlated");
        } finally {
            simple.destroy();
        }
    }
}
