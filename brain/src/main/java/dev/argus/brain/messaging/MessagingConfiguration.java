package dev.argus.brain.messaging;

import dev.argus.common.amqp.Topology;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchanges and queues the brain consumes from or publishes to. The converter, mandatory publishing and
 * confirmed publishing come from {@code argus-messaging}.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

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

    /**
     * The registry's listener containers take one message at a time (prefetch 1), so "no ready message and
     * none in the listener" means the probes queue really is drained; see {@code ScanIntake}.
     */
    @Bean
    SimpleRabbitListenerContainerFactory registryListenerFactory(SimpleRabbitListenerContainerFactoryConfigurer configurer,
                                                                 ConnectionFactory connectionFactory) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setPrefetchCount(1);
        return factory;
    }

    private static Queue durable(String name) {
        return new Queue(name, true, false, false);
    }

    private static Binding bind(Queue queue, DirectExchange exchange, String key) {
        return BindingBuilder.bind(queue).to(exchange).with(key);
    }
}
