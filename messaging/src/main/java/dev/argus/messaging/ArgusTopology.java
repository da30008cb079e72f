package dev.argus.messaging;

import dev.argus.common.amqp.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * The one place the AMQP topology is declared from ({@link Topology} holds the names). The frontend and the brain
 * declare what they consume and every queue their messages are routed to, so no message is lost whichever of them
 * starts first. A probe declares only its engines' job queues and their bindings: its RabbitMQ user may not declare
 * (nor delete) the shared exchanges and queues, so it waits until {@link #PROBE_EXCHANGES} exist, declared by a brain
 * (which also declares every queue a probe's messages are routed to).
 * Exchanges and queues are durable and carry no x-arguments (the standalone mode's embedded broker ignores them,
 * and a queue declared with other arguments by another process would fail with PRECONDITION_FAILED).
 */
public final class ArgusTopology {

    /** Which process declares. */
    public enum Role { FRONTEND, BRAIN, PROBE }

    private static final DirectExchange BRAIN = new DirectExchange(Topology.BRAIN_EXCHANGE, true, false);
    private static final DirectExchange PROBES = new DirectExchange(Topology.PROBE_EXCHANGE, true, false);
    private static final TopicExchange RESULTS = new TopicExchange(Topology.RESULTS_EXCHANGE, true, false);
    private static final DirectExchange FRONTEND = new DirectExchange(Topology.FRONTEND_EXCHANGE, true, false);
    private static final FanoutExchange LIVE = new FanoutExchange(Topology.LIVE_EXCHANGE, true, false);
    private static final FanoutExchange DEAD_LETTERS = new FanoutExchange(Topology.DEAD_LETTER_EXCHANGE, true, false);

    /** The exchanges a probe uses and may not declare: it starts once a brain has declared them. */
    public static final List<String> PROBE_EXCHANGES = List.of(Topology.PROBE_EXCHANGE, Topology.BRAIN_EXCHANGE,
            Topology.RESULTS_EXCHANGE, Topology.DEAD_LETTER_EXCHANGE);

    private ArgusTopology() {
    }

    /**
     * What a process of this role declares at every (re)connection: for {@link Role#PROBE} only its engines' job
     * queues and their bindings to {@code argus.probes}.
     *
     * @param engines for {@link Role#PROBE}, the engines whose job queues it consumes; ignored otherwise (the
     *                brain declares a probe's queue when the probe registers, with {@link #probeQueue(String)})
     */
    public static Declarables declarables(Role role, Collection<String> engines) {
        List<Declarable> all = new ArrayList<>();
        if (role == Role.PROBE) {
            engines.forEach(engine -> all.addAll(probeQueue(engine).getDeclarables().stream()
                    .filter(d -> !(d instanceof Exchange)).toList()));
            return new Declarables(all);
        }
        all.addAll(route(BRAIN, Topology.SCANS_QUEUE, Topology.SCANS_KEY, true));
        all.addAll(route(BRAIN, Topology.PROBES_QUEUE, Topology.PROBES_KEY, role == Role.BRAIN));
        all.addAll(route(RESULTS, Topology.FRONTEND_RESULTS_QUEUE, Topology.FRONTEND_RESULTS_BINDING, true));
        all.addAll(route(RESULTS, Topology.BRAIN_RESULTS_QUEUE, Topology.BRAIN_RESULTS_BINDING, role == Role.BRAIN));
        all.addAll(route(FRONTEND, Topology.DIRECTORY_QUEUE, Topology.DIRECTORY_KEY, true));
        all.addAll(route(DEAD_LETTERS, Topology.DEAD_LETTER_QUEUE, "", true));
        if (role == Role.BRAIN) {
            all.add(PROBES);
        }
        if (role == Role.FRONTEND) {
            all.add(LIVE);
        }
        return new Declarables(all.stream().distinct().toList());
    }

    /** One engine's durable job queue {@code argus.probe.<name>} and its binding to {@code argus.probes}. */
    public static Declarables probeQueue(String probe) {
        Queue queue = durable(Topology.probeQueue(probe));
        return new Declarables(PROBES, queue, BindingBuilder.bind(queue).to(PROBES).with(probe));
    }

    /**
     * A frontend's own live-event queue {@code argus.live.<instance>}: not durable, exclusive, deleted with the
     * connection; bound to the fan-out exchange {@code argus.live}.
     */
    public static Declarables liveQueue(String instance) {
        Queue queue = new Queue(Topology.LIVE_QUEUE_PREFIX + instance, false, true, true);
        return new Declarables(LIVE, queue, BindingBuilder.bind(queue).to(LIVE));
    }

    private static List<Declarable> route(Exchange exchange, String queueName, String key, boolean wanted) {
        if (!wanted) {
            return List.of();
        }
        Queue queue = durable(queueName);
        Binding binding = new Binding(queueName, Binding.DestinationType.QUEUE, exchange.getName(), key, null);
        return List.of(exchange, queue, binding);
    }

    private static Queue durable(String name) {
        return new Queue(name, true, false, false);
    }
}
