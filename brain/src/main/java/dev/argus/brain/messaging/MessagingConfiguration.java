package dev.argus.brain.messaging;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.amqp.Topology;
import dev.argus.common.json.ArgusJson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The AMQP side of the brain: JSON conversion with contract type ids, the exchanges and queues the brain
 * consumes from or publishes to, and a log line for every unroutable message.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);
    private static final String MESSAGE_PACKAGE = "dev.argus.common.message";

    /** Jackson 3 with the wire mapping; the {@code __TypeId__} header carries contract names such as "ProbeJob". */
    @Bean
    MessageConverter argusMessageConverter() {
        DefaultJacksonJavaTypeMapper typeMapper = new DefaultJacksonJavaTypeMapper();
        typeMapper.setIdClassMapping(MessageTypes.byId());
        typeMapper.setTrustedPackages(MESSAGE_PACKAGE);
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter(ArgusJson.mapper(), MESSAGE_PACKAGE);
        converter.setJavaTypeMapper(typeMapper);
        return converter;
    }

    /**
     * Everything the brain touches: its three input queues and the frontend's two queues, so no message is
     * lost whichever process starts first. Queues are durable and carry no x-arguments. The per-probe queues
     * are declared at run time, when a probe registers (see the registry).
     */
    @Bean
    Declarables brainTopology() {
        DirectExchange brain = new DirectExchange(Topology.BRAIN_EXCHANGE, true, false);
        DirectExchange probes = new DirectExchange(Topology.PROBE_EXCHANGE, true, false);
        DirectExchange frontend = new DirectExchange(Topology.FRONTEND_EXCHANGE, true, false);
        Queue scans = durable(Topology.SCANS_QUEUE);
        Queue results = durable(Topology.RESULTS_QUEUE);
        Queue registry = durable(Topology.PROBES_QUEUE);
        Queue events = durable(Topology.EVENTS_QUEUE);
        Queue directory = durable(Topology.DIRECTORY_QUEUE);
        List<Declarable> all = List.of(brain, probes, frontend, scans, results, registry, events, directory,
                bind(scans, brain, Topology.SCANS_KEY),
                bind(results, brain, Topology.RESULTS_KEY),
                bind(registry, brain, Topology.PROBES_KEY),
                bind(events, frontend, Topology.EVENTS_KEY),
                bind(directory, frontend, Topology.DIRECTORY_KEY));
        return new Declarables(all);
    }

    /** Messages are published mandatory (see application.properties): say loudly when one had nowhere to go. */
    @Bean
    RabbitTemplateCustomizer unroutableMessageLogger() {
        return template -> template.setReturnsCallback(returned -> log.error(
                "Unroutable message returned by the broker: exchange {} routing key {} type {} reply {} {}",
                returned.getExchange(), returned.getRoutingKey(),
                returned.getMessage().getMessageProperties().getHeaders().get(MessageTypes.TYPE_HEADER),
                returned.getReplyCode(), returned.getReplyText()));
    }

    private static Queue durable(String name) {
        return new Queue(name, true, false, false);
    }

    private static Binding bind(Queue queue, DirectExchange exchange, String key) {
        return BindingBuilder.bind(queue).to(exchange).with(key);
    }
}
