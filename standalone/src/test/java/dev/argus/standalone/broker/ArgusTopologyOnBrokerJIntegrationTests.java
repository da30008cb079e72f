package dev.argus.standalone.broker;

import static dev.argus.messaging.QueueProperties.CLASSIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.amqp.Topology;
import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanProgressed;
import dev.argus.messaging.ArgusTopology;
import dev.argus.messaging.ConfirmedRabbitPublisher;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.Routes;
import dev.argus.standalone.FreePorts;
import dev.argus.standalone.Secrets;
import dev.argus.messaging.ConsumerMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;

/**
 * The message flow's topology as every process declares it ({@link ArgusTopology}) on the embedded Broker-J of the
 * standalone mode: the topic exchange of results, the fan-out exchanges of live events and parked messages, a
 * frontend's exclusive auto-delete live queue, and publishing with correlated confirms.
 */
class ArgusTopologyOnBrokerJIntegrationTests {

    @TempDir
    Path dataDir;

    private EmbeddedBroker broker;
    private CachingConnectionFactory connections;
    private RabbitTemplate template;
    private RabbitAdmin admin;
    private ConfirmedRabbitPublisher publisher;

    @BeforeEach
    void declareEveryRole() throws Exception {
        broker = EmbeddedBroker.start(dataDir.resolve("broker"), new FreePorts().next(), Secrets.password());
        connections = connect();
        admin = new RabbitAdmin(connections);
        template = new RabbitTemplate(connections);
        template.setMandatory(true);
        template.setMessageConverter(converter());
        publisher = new ConfirmedRabbitPublisher(template);
        for (ArgusTopology.Role role : ArgusTopology.Role.values()) {
            ArgusTopology.declarables(role, List.of("clamav"), CLASSIC).getDeclarables().forEach(this::declare);
        }
        ArgusTopology.liveQueue("frontend-1").getDeclarables().forEach(this::declare);
        ArgusTopology.liveQueue("frontend-2").getDeclarables().forEach(this::declare);
    }

    @AfterEach
    void stop() {
        if (connections != null) {
            connections.destroy();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aProbesResultsReachTheBrainAndTheFrontendsAndTheBrainsOwnOnlyTheFrontends() {
        ResultsReported fromProbe = new ResultsReported("probe-1", List.of(), Instant.now());
        ResultsReported fromBrain = new ResultsReported("brain", List.of(), Instant.now());

        publisher.publishAll(List.of(Routes.probeResults("clamav", fromProbe), Routes.brainResults(fromBrain)));

        assertThat(receive(Topology.BRAIN_RESULTS_QUEUE)).isEqualTo(fromProbe);
        assertThat(template.receive(Topology.BRAIN_RESULTS_QUEUE)).isNull();
        assertThat(receive(Topology.FRONTEND_RESULTS_QUEUE)).isEqualTo(fromProbe);
        assertThat(receive(Topology.FRONTEND_RESULTS_QUEUE)).isEqualTo(fromBrain);
    }

    @Test
    void aLiveEventReachesEveryFrontendsOwnQueueAndTheQueueGoesWithItsConnection() {
        ScanProgressed progressed = new ScanProgressed("frontend-1", List.of(), List.of());

        publisher.publishTransient(Routes.live(progressed));

        assertThat(receive(Topology.LIVE_QUEUE_PREFIX + "frontend-1")).isEqualTo(progressed);
        assertThat(receive(Topology.LIVE_QUEUE_PREFIX + "frontend-2")).isEqualTo(progressed);
        connections.resetConnection();
        assertThat(admin.getQueueInfo(Topology.LIVE_QUEUE_PREFIX + "frontend-1")).isNull();
        assertThat(admin.getQueueInfo(Topology.DEAD_LETTER_QUEUE)).isNotNull();
    }

    @Test
    void aParkedMessageLandsInTheDeadLetterQueueWithItsHeaders() {
        Message poison = MessageBuilder.withBody("{not json".getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageTypes.TYPE_HEADER, "ScanFiles").setMessageId("poison-1").build();

        new DeadLetters(publisher, "argus-probe", new ConsumerMeters(new SimpleMeterRegistry())).park(poison, "unreadable: not JSON", 1);

        Message parked = template.receive(Topology.DEAD_LETTER_QUEUE, 5_000);
        assertThat(parked).isNotNull();
        assertThat(parked.getBody()).isEqualTo(poison.getBody());
        assertThat(parked.getMessageProperties().getMessageId()).isEqualTo("poison-1");
        assertThat(parked.getMessageProperties().getHeaders())
                .containsEntry(DeadLetters.ERROR, "unreadable: not JSON")
                .containsEntry(DeadLetters.PROCESS, "argus-probe")
                .containsEntry(DeadLetters.FAILURES, 1);
    }

    @Test
    void aJobBatchForAnEngineWithoutQueueIsRefusedByTheConfirm() {
        ScanFiles nobody = new ScanFiles("nobody", List.of());

        assertThatThrownBy(() -> publisher.publish(Routes.scanFiles(nobody))).isInstanceOf(AmqpException.class);
        publisher.publish(Routes.scanFiles(new ScanFiles("clamav", List.of())));
        assertThat(receive(Topology.probeQueue("clamav"))).isEqualTo(new ScanFiles("clamav", List.of()));
    }

    private Object receive(String queue) {
        Message message = template.receive(queue, 5_000);
        assertThat(message).as("a message on " + queue).isNotNull();
        return template.getMessageConverter().fromMessage(message);
    }

    private void declare(Declarable declarable) {
        switch (declarable) {
            case Exchange exchange -> admin.declareExchange(exchange);
            case Queue queue -> admin.declareQueue(queue);
            case Binding binding -> admin.declareBinding(binding);
            default -> throw new IllegalArgumentException(declarable.toString());
        }
    }

    private CachingConnectionFactory connect() {
        CachingConnectionFactory factory = new CachingConnectionFactory("127.0.0.1", broker.port());
        factory.setUsername(EmbeddedBroker.USERNAME);
        factory.setPassword(broker.password());
        factory.setVirtualHost(EmbeddedBroker.VIRTUAL_HOST);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        return factory;
    }

    private static JacksonJsonMessageConverter converter() {
        DefaultJacksonJavaTypeMapper typeMapper = new DefaultJacksonJavaTypeMapper();
        typeMapper.setIdClassMapping(MessageTypes.byId());
        typeMapper.setTrustedPackages("dev.argus.common.message");
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter(ArgusJson.mapper(),
                "dev.argus.common.message");
        converter.setJavaTypeMapper(typeMapper);
        return converter;
    }
}
