package dev.argus.probe.messaging;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.json.ArgusJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON on the wire with the contract's type ids in {@code __TypeId__}, and mandatory publishing whose returns
 * are logged: an unroutable message means a queue the probe relies on is missing.
 */
@Configuration(proxyBeanMethods = false)
class AmqpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AmqpConfiguration.class);
    private static final String MESSAGE_PACKAGE = "dev.argus.common.message";

    @Bean
    MessageConverter messageConverter() {
        DefaultJacksonJavaTypeMapper typeMapper = new DefaultJacksonJavaTypeMapper();
        typeMapper.setIdClassMapping(MessageTypes.byId());
        typeMapper.setTrustedPackages(MESSAGE_PACKAGE);
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter(ArgusJson.mapper(), MESSAGE_PACKAGE);
        converter.setJavaTypeMapper(typeMapper);
        return converter;
    }

    @Bean
    RabbitTemplateCustomizer mandatoryPublishing() {
        return template -> {
            template.setMandatory(true);
            template.setReturnsCallback(returned -> log.error(
                    "message {} to exchange {} with routing key {} was unroutable ({} {}): no queue is bound",
                    returned.getMessage().getMessageProperties().getHeaders().get(MessageTypes.TYPE_HEADER),
                    returned.getExchange(), returned.getRoutingKey(), returned.getReplyCode(),
                    returned.getReplyText()));
        };
    }

    @Bean
    MessagePublisher messagePublisher(RabbitTemplate template) {
        return new ConfirmedRabbitPublisher(template);
    }
}
