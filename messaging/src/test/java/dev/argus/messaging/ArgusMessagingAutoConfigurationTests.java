package dev.argus.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The shared AMQP setup as Boot wires it; no broker is contacted. */
class ArgusMessagingAutoConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class,
                    ArgusMessagingAutoConfiguration.class))
            .withPropertyValues("spring.rabbitmq.publisher-confirm-type=correlated");

    @Test
    void messageRecordTravelsWithItsShortTypeIdAndComesBackEqual() {
        ResultsReported result = new ResultsReported("probe-1", List.of(new JobResult(UUID.randomUUID(),
                UUID.randomUUID(), "a".repeat(64), "clamav", 1, false, false, false,
                new EngineResult(Category.MALICIOUS, "Eicar-Signature", "1.4.6", "27800", 12, null,
                        Map.of("viruses", List.of("Eicar-Signature"))))), Instant.parse("2026-11-21T12:00:00.123Z"));

        contexts.run(context -> {
            MessageConverter converter = context.getBean(RabbitTemplate.class).getMessageConverter();
            assertThat(converter).isSameAs(context.getBean(MessageConverter.class));

            Message message = converter.toMessage(result, new MessageProperties());

            assertThat(message.getMessageProperties().<String>getHeader(MessageTypes.TYPE_HEADER))
                    .isEqualTo("ResultsReported");
            assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
            assertThat(message.getMessageProperties().getMessageId()).as("id to count failures by").isNotBlank();
            assertThat(converter.fromMessage(message)).isEqualTo(result);
        });
    }

    @Test
    void refusesTypeIdOutsideTheContract() {
        contexts.run(context -> {
            MessageConverter converter = context.getBean(MessageConverter.class);

            assertThatThrownBy(() -> converter.fromMessage(json("ScanExploded", "{}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'ScanExploded' is not in the trusted packages");
            assertThatThrownBy(() -> converter.fromMessage(json("java.io.File", "\"/etc/passwd\"")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'java.io.File' is not in the trusted packages");
        });
    }

    @Test
    void publishesMandatoryAndWithConfirms() {
        contexts.run(context -> {
            assertThat(context.getBean(RabbitTemplate.class).isMandatoryFor(json("ResultsReported", "{}"))).isTrue();
            assertThat(context.getBean(MessagePublisher.class)).isInstanceOf(ConfirmedRabbitPublisher.class);
        });
    }

    @Test
    void failsStartUpWithoutCorrelatedPublisherConfirms() {
        for (String type : List.of("none", "simple")) {
            contexts.withPropertyValues("spring.rabbitmq.publisher-confirm-type=" + type).run(context ->
                    assertThat(context).as(type).getFailure().rootCause()
                            .hasMessageContaining("set spring.rabbitmq.publisher-confirm-type=correlated"));
        }
    }

    @Test
    void parksWithTheApplicationNameAsProcess() {
        contexts.withPropertyValues("spring.application.name=argus-brain").run(context ->
                assertThat(context.getBean(DeadLetters.class)).extracting("process").isEqualTo("argus-brain"));
    }

    @Test
    void queuesAreClassicUnlessTheSettingSaysQuorum() {
        contexts.run(context -> assertThat(context.getBean(QueueProperties.class))
                .isEqualTo(QueueProperties.CLASSIC)
                .isEqualTo(new QueueProperties(QueueProperties.Type.CLASSIC, 20)));
        contexts.withPropertyValues("argus.messaging.queue-type=quorum", "argus.messaging.delivery-limit=7")
                .run(context -> assertThat(context.getBean(QueueProperties.class))
                        .isEqualTo(QueueProperties.quorum(7)));
        contexts.withPropertyValues("argus.messaging.queue-type=stream").run(context ->
                assertThat(context).hasFailed());
        contexts.withPropertyValues("argus.messaging.delivery-limit=0").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("delivery-limit"));
    }

    @Test
    void queueSettingsBindFromTheEnvironmentVariables() {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("ARGUS_MESSAGING_QUEUE_TYPE", "quorum", "ARGUS_MESSAGING_DELIVERY_LIMIT", "12"));

        QueueProperties bound = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate(QueueProperties.PREFIX, QueueProperties.class);

        assertThat(bound).isEqualTo(QueueProperties.quorum(12));
    }

    @Test
    void backsOffForAnApplicationPublisher() {
        MessagePublisher recording = new MessagePublisher() {
            @Override
            public void publishAll(List<OutboundMessage> messages) {
            }

            @Override
            public void publishRaw(String exchange, String routingKey, Message message) {
            }

            @Override
            public void publishTransient(OutboundMessage message) {
            }
        };
        contexts.withBean(MessagePublisher.class, () -> recording).run(context ->
                assertThat(context.getBean(MessagePublisher.class)).isSameAs(recording));
    }

    private static Message json(String typeId, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(MessageTypes.TYPE_HEADER, typeId);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }
}
