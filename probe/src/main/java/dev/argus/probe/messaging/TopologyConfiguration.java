package dev.argus.probe.messaging;

import dev.argus.common.amqp.Topology;
import dev.argus.probe.engine.ActiveEngines;
import dev.argus.probe.spi.ScanEngine;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this process publishes to and consumes, declared on every (re)connection so start order does not matter:
 * the job queue of each active engine on {@code argus.probes}, and the brain's results and probes queues on
 * {@code argus.brain}. Durable, no queue arguments (the embedded broker of the standalone mode ignores them).
 */
@Configuration(proxyBeanMethods = false)
class TopologyConfiguration {

    @Bean
    Declarables probeTopology(ActiveEngines engines) {
        DirectExchange brain = new DirectExchange(Topology.BRAIN_EXCHANGE, true, false);
        DirectExchange probes = new DirectExchange(Topology.PROBE_EXCHANGE, true, false);
        Queue results = new Queue(Topology.RESULTS_QUEUE, true, false, false);
        Queue registry = new Queue(Topology.PROBES_QUEUE, true, false, false);
        List<Declarable> declarables = new ArrayList<>(List.of(brain, probes, results, registry,
                BindingBuilder.bind(results).to(brain).with(Topology.RESULTS_KEY),
                BindingBuilder.bind(registry).to(brain).with(Topology.PROBES_KEY)));
        for (ScanEngine engine : engines.engines()) {
            Queue jobs = new Queue(Topology.probeQueue(engine.name()), true, false, false);
            Binding binding = BindingBuilder.bind(jobs).to(probes).with(engine.name());
            declarables.add(jobs);
            declarables.add(binding);
        }
        return new Declarables(declarables);
    }
}
