package dev.argus.frontend.messaging;

import dev.argus.common.amqp.Topology;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The frontend's AMQP setup: it declares what it publishes to ({@code argus.brain} and the brain's scan queue)
 * and what it consumes ({@code argus.frontend.events}, {@code argus.frontend.probes}); JSON messages typed by
 * the contract's short type ids and confirmed, mandatory publishing come from {@code argus-messaging}.
 */
@Configuration(proxyBeanMethods = false)
class AmqpConfiguration {

    @Bean
    Declarables argusTopology() {
        DirectExchange brain = new DirectExchange(Topology.BRAIN_EXCHANGE, true, false);
        DirectExchange frontend = new DirectExchange(Topology.FRONTEND_EXCHANGE, true, false);
        Queue scans = new Queue(Topology.SCANS_QUEUE, true);
        Queue events = new Queue(Topology.EVENTS_QUEUE, true);
        Queue directory = new Queue(Topology.DIRECTORY_QUEUE, true);
        Binding scansBinding = BindingBuilder.bind(scans).to(brain).with(Topology.SCANS_KEY);
        Binding eventsBinding = BindingBuilder.bind(events).to(frontend).with(Topology.EVENTS_KEY);
        Binding directoryBinding = BindingBuilder.bind(directory).to(frontend).with(Topology.DIRECTORY_KEY);
        return new Declarables(brain, frontend, scans, events, directory, scansBinding, eventsBinding,
                directoryBinding);
    }

    @Bean
    MessageRecoverer requeueUnlessFatal() {
        return new RequeueUnlessFatalRecoverer();
    }
}
