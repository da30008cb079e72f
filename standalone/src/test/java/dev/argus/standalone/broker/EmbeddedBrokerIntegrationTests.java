package dev.argus.standalone.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.argus.standalone.FreePorts;
import dev.argus.standalone.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIntegrationTests {

    @TempDir
    Path dataDir;

    private final FreePorts ports = new FreePorts();

    @Test
    void confirmsPersistentMessagesAndKeepsThemAcrossARestart() throws Exception {
        Path directory = dataDir.resolve("broker");
        try (EmbeddedBroker broker = EmbeddedBroker.start(directory, ports.next(), Secrets.password());
             Connection connection = connect(broker)) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("argus.test", "direct", true);
            // RabbitMQ-only arguments are ignored, not refused
            channel.queueDeclare("argus.test.q", true, false, false,
                    Map.of("x-message-ttl", 1000, "x-argus-unknown", "1"));
            channel.queueBind("argus.test.q", "argus.test", "k");
            channel.confirmSelect();
            channel.basicPublish("argus.test", "k", true, new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    "kept".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5_000);
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(directory, ports.next(), Secrets.password());
             Connection connection = connect(broker)) {
            GetResponse message = connection.createChannel().basicGet("argus.test.q", true);
            assertThat(message).isNotNull();
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("kept");
        }
    }

    /** Unlike RabbitMQ, which returns and then acks such a message, Broker-J returns it and nacks it. */
    @Test
    void returnsAndNacksAnUnroutableMandatoryMessage() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("broker"), ports.next(), Secrets.password());
             Connection connection = connect(broker)) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("argus.test", "direct", true);
            AtomicReference<String> returned = new AtomicReference<>();
            channel.addReturnListener(r -> returned.set(r.getReplyText()));
            channel.confirmSelect();
            channel.basicPublish("argus.test", "nowhere", true, new AMQP.BasicProperties(), new byte[] {1});
            assertThat(channel.waitForConfirms(5_000)).isFalse();
            await().atMost(Duration.ofSeconds(5)).until(() -> returned.get() != null);
            assertThat(channel.isOpen()).isTrue();
        }
    }

    /**
     * The queue length bound of every queue (as RabbitMQ's policy argus-queue-limits): a mandatory publish past it,
     * as every Argus process publishes (spring.rabbitmq.template.mandatory), is nacked. (Broker-J drops a
     * non-mandatory one silently, which is why Argus publishes mandatory.)
     */
    @Test
    void nacksAPublishToAFullQueueAndKeepsTheQueuedMessages() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("broker"), ports.next(), Secrets.password(),
                3);
             Connection connection = connect(broker)) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("argus.test", "direct", true);
            channel.queueDeclare("argus.test.full", true, false, false, Map.of());
            channel.queueBind("argus.test.full", "argus.test", "k");
            channel.confirmSelect();
            for (int i = 0; i < 3; i++) {
                channel.basicPublish("argus.test", "k", new AMQP.BasicProperties(), new byte[] {(byte) i});
            }
            assertThat(channel.waitForConfirms(5_000)).as("three fit").isTrue();

            boolean refused;
            try {
                channel.basicPublish("argus.test", "k", true, new AMQP.BasicProperties(), new byte[] {3});
                refused = !channel.waitForConfirms(5_000);
            } catch (java.io.IOException | com.rabbitmq.client.ShutdownSignalException closed) {
                refused = true; // a broker may also close the channel: the publisher sees an error either way
            }
            assertThat(refused).as("the fourth is refused").isTrue();
            assertThat(connection.createChannel().queueDeclarePassive("argus.test.full").getMessageCount())
                    .isEqualTo(3);
        }
    }

    private static Connection connect(EmbeddedBroker broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(broker.port());
        factory.setUsername(EmbeddedBroker.USERNAME);
        factory.setPassword(broker.password());
        factory.setVirtualHost(EmbeddedBroker.VIRTUAL_HOST);
        return factory.newConnection();
    }
}
