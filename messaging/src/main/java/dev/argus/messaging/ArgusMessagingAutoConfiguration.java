package dev.argus.messaging;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.json.ArgusJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The AMQP setup every Argus process shares: JSON on the wire with the contract's short type ids, mandatory
 * publishing whose returns are logged at ERROR, a {@link MessagePublisher} that waits for broker confirms, and the
 * {@link DeadLetters} every consumer parks unhandled messages in. Each process declares its exchanges and queues
 * from {@link ArgusTopology}, with the queue type of {@link QueueProperties} ({@code argus.messaging.*}).
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class)
@EnableConfigurationProperties(QueueProperties.class)
public class ArgusMessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ArgusMessagingAutoConfiguration.class);
    private static final String MESSAGE_PACKAGE = "dev.argus.common.message";

    /**
     * Jackson 3 with the wire mapping; the {@code __TypeId__} header carries contract names such as
     * "ProbeJob", and only classes of the contract are accepted on the way in. Used by Boot for the
     * {@link RabbitTemplate} and the listener containers.
     */
    @Bean
    @ConditionalOnMissingBean(MessageConverter.class)
    MessageConverter argusMessageConverter() {
        DefaultJacksonJavaTypeMapper typeMapper = new DefaultJacksonJavaTypeMapper();
        typeMapper.setIdClassMapping(MessageTypes.byId());
        typeMapper.setTrustedPackages(MESSAGE_PACKAGE);
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter(ArgusJson.mapper(), MESSAGE_PACKAGE);
        converter.setJavaTypeMapper(typeMapper);
        // every message gets an id, by which a consumer counts the failures of a message it cannot handle
        converter.setCreateMessageIds(true);
        return converter;
    }

    /**
     * Publishes mandatory and logs every returned message: an unroutable message means a queue some process
     * relies on is missing. Returns only arrive with {@code spring.rabbitmq.publisher-returns=true}.
     */
    @Bean
    RabbitTemplateCustomizer unroutableMessageLogger() {
        return template -> {
            template.setMandatory(true);
            template.setReturnsCallback(ArgusMessagingAutoConfiguration::logUnroutable);
        };
    }

    /** Where this process parks the messages it cannot handle ({@link GuardedConsumer}). */
    @Bean
    @ConditionalOnMissingBean(DeadLetters.class)
    DeadLetters deadLetters(MessagePublisher publisher, @Value("${spring.application.name:argus}") String process,
                            ObjectProvider<MeterRegistry> registry) {
        return new DeadLetters(publisher, process,
                new ConsumerMeters(registry.getIfAvailable(SimpleMeterRegistry::new)));
    }

    /** Publishing with broker confirms; tests may define their own. */
    @Bean
    @ConditionalOnMissingBean(MessagePublisher.class)
    MessagePublisher messagePublisher(RabbitTemplate rabbitTemplate) {
        return new ConfirmedRabbitPublisher(rabbitTemplate);
    }

    private static void logUnroutable(ReturnedMessage returned) {
        log.error("Unroutable message {} to exchange {} with routing key {} returned by the broker: {} {}",
                returned.getMessage().getMessageProperties().getHeaders().get(MessageTypes.TYPE_HEADER),
                returned.getExchange(), returned.getRoutingKey(), returned.getReplyCode(), returned.getReplyText());
    }
}
