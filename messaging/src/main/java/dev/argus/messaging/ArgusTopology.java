package dev.argus.messaging;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.WorkClass;
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
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The one place the AMQP topology is declared from ({@link Topology} holds the names). The frontend and the brain
 * declare what they consume and every queue their messages are routed to, so no message is lost whichever of them
 * starts first. A probe declares only its engines' job queues and their bindings: its RabbitMQ user may not declare
 * (nor delete) the shared exchanges and queues, so it waits until {@link #PROBE_EXCHANGES} exist, declared by a brain
 * (which also declares every queue a probe's messages are routed to).
 *
 * <p>Exchanges are durable and carry no x-arguments. The durable, shared queues are of the type
 * {@link QueueProperties} says, the same rule for every process ({@link #durable}), so that the processes declaring
 * one queue agree on its arguments (a queue declared with other arguments by another process fails with
 * PRECONDITION_FAILED):
 * <ul>
 *   <li>{@code classic} (the default): no x-arguments but the engine queues' {@code x-max-priority}, as the standalone mode's embedded broker (Qpid Broker-J,
 *       which has no quorum queues) needs them;</li>
 *   <li>{@code quorum}: {@code x-queue-type: quorum} and {@code x-delivery-limit}, so a message the broker has
 *       delivered that often without an acknowledgement (a consumer that requeues it again and again or dies on it) is
 *       dead-lettered by the broker. {@code argus.parked} itself gets no delivery limit: nothing would take what it
 *       dropped.</li>
 * </ul>
 * Where the broker dead-letters to is not a queue argument but the vhost policy {@code argus-dead-letters}
 * ({@code argus_rabbitmq_dead_letter_policy} in {@code scripts/rabbitmq-users.sh}): to {@code argus.dead-letters},
 * hence {@code argus.parked}, at least once. RabbitMQ checks an {@code x-dead-letter-exchange} argument against the
 * declaring user's rights (read on the queue, write on the exchange), which the least-privilege users do not have
 * on every queue they declare.
 *
 * <p>A queue of one process only (a frontend's exclusive, auto-delete live queue, {@link #liveQueue}) is classic
 * whatever the setting: a quorum queue can be neither exclusive nor auto-delete.
 */
public final class ArgusTopology {

    /** Which process declares. */
    public enum Role { FRONTEND, BRAIN, PROBE }

    private static final DirectExchange BRAIN = new DirectExchange(Topology.BRAIN_EXCHANGE, true, false);
    private static final DirectExchange REGISTRY = new DirectExchange(Topology.REGISTRY_EXCHANGE, true, false);
    private static final DirectExchange PROBES = new DirectExchange(Topology.PROBE_EXCHANGE, true, false);
    private static final TopicExchange RESULTS = new TopicExchange(Topology.RESULTS_EXCHANGE, true, false);
    private static final DirectExchange FRONTEND = new DirectExchange(Topology.FRONTEND_EXCHANGE, true, false);
    private static final FanoutExchange LIVE = new FanoutExchange(Topology.LIVE_EXCHANGE, true, false);
    private static final FanoutExchange DEAD_LETTERS = new FanoutExchange(Topology.DEAD_LETTER_EXCHANGE, true, false);

    /** Queue argument: the queue type. */
    public static final String QUEUE_TYPE = "x-queue-type";
    /** Queue argument of a classic engine queue: the highest message priority it orders by. */
    public static final String MAX_PRIORITY = "x-max-priority";
    /** Queue argument of a quorum queue: deliveries of a message before the broker dead-letters it. */
    public static final String DELIVERY_LIMIT = "x-delivery-limit";

    /** The exchanges a probe uses and may not declare: it starts once a brain has declared them. */
    public static final List<String> PROBE_EXCHANGES = List.of(Topology.PROBE_EXCHANGE, Topology.REGISTRY_EXCHANGE,
            Topology.RESULTS_EXCHANGE, Topology.DEAD_LETTER_EXCHANGE);

    private ArgusTopology() {
    }

    /**
     * What a process of this role declares at every (re)connection: for {@link Role#PROBE} only its engines' job
     * queues and their bindings to {@code argus.probes}.
     *
     * @param engines for {@link Role#PROBE}, the engines whose job queues it consumes; ignored otherwise (the
     *                brain declares a probe's queue when the probe registers, with {@link #probeQueue})
     * @param queues  the type of the durable queues, the same in every process
     */
    public static Declarables declarables(Role role, Collection<String> engines, QueueProperties queues) {
        List<Declarable> all = new ArrayList<>();
        if (role == Role.PROBE) {
            engines.forEach(engine -> all.addAll(probeQueue(engine, queues).getDeclarables().stream()
                    .filter(d -> !(d instanceof Exchange)).toList()));
            return new Declarables(all);
        }
        all.addAll(route(BRAIN, Topology.SCANS_QUEUE, Topology.SCANS_KEY, true, queues));
        all.addAll(route(REGISTRY, Topology.PROBES_QUEUE, Topology.PROBES_KEY, role == Role.BRAIN, queues));
        all.addAll(route(RESULTS, Topology.FRONTEND_RESULTS_QUEUE, Topology.FRONTEND_RESULTS_BINDING, true,
                queues));
        all.addAll(route(RESULTS, Topology.BRAIN_RESULTS_QUEUE, Topology.BRAIN_RESULTS_BINDING, role == Role.BRAIN,
                queues));
        all.addAll(route(FRONTEND, Topology.DIRECTORY_QUEUE, Topology.DIRECTORY_KEY, true, queues));
        all.addAll(route(DEAD_LETTERS, Topology.DEAD_LETTER_QUEUE, "", true, queues));
        if (role == Role.BRAIN) {
            all.add(PROBES);
        }
        if (role == Role.FRONTEND) {
            all.add(LIVE);
        }
        return new Declarables(all.stream().distinct().toList());
    }

    /**
     * One engine's durable job queue {@code argus.probe.<name>} and its binding to {@code argus.probes}. A classic
     * one is a priority queue ({@code x-max-priority} {@value WorkClass#MAX_PRIORITY}): the broker delivers the
     * interactive batches it holds before the bulk ones (message priority, {@code Routes#scanFiles}). A quorum queue
     * of RabbitMQ 3.10 has no priorities and keeps its order: there only the bulk backlog bound protects interactive
     * work (docs/architecture.md#priorities). RabbitMQ refuses to redeclare a queue with other arguments: an engine
     * queue declared before priorities existed is replaced by the brain once it is empty and unused
     * ({@code ProbeQueues}).
     */
    public static Declarables probeQueue(String probe, QueueProperties queues) {
        Queue queue = durable(Topology.probeQueue(probe), queues);
        if (queues.queueType() == QueueProperties.Type.CLASSIC) {
            queue = QueueBuilder.durable(queue.getName()).maxPriority(WorkClass.MAX_PRIORITY).build();
        }
        return new Declarables(PROBES, queue, BindingBuilder.bind(queue).to(PROBES).with(probe));
    }

    /**
     * A frontend's own live-event queue {@code argus.live.<instance>}: not durable, exclusive, deleted with the
     * connection; bound to the fan-out exchange {@code argus.live}. Always classic, whatever {@link QueueProperties}
     * says: a quorum queue can be neither exclusive nor auto-delete.
     */
    public static Declarables liveQueue(String instance) {
        Queue queue = new Queue(Topology.LIVE_QUEUE_PREFIX + instance, false, true, true);
        return new Declarables(LIVE, queue, BindingBuilder.bind(queue).to(LIVE));
    }

    private static List<Declarable> route(Exchange exchange, String queueName, String key, boolean wanted,
                                          QueueProperties queues) {
        if (!wanted) {
            return List.of();
        }
        Queue queue = durable(queueName, queues);
        Binding binding = new Binding(queueName, Binding.DestinationType.QUEUE, exchange.getName(), key, null);
        return List.of(exchange, queue, binding);
    }

    /**
     * A durable, shared queue as every process declares it: classic without arguments, or quorum with the delivery
     * limit ({@code argus.parked} without).
     */
    static Queue durable(String name, QueueProperties queues) {
        QueueBuilder queue = QueueBuilder.durable(name);
        if (queues.queueType() == QueueProperties.Type.QUORUM) {
            queue.withArgument(QUEUE_TYPE, QueueProperties.Type.QUORUM.argument());
            if (!name.equals(Topology.DEAD_LETTER_QUEUE)) {
                queue.withArgument(DELIVERY_LIMIT, queues.deliveryLimit());
            }
        }
        return queue.build();
    }
}
