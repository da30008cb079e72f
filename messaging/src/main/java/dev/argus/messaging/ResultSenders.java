package dev.argus.messaging;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;

/**
 * Who may report which results, the one rule every consumer of {@code argus.results} applies: a
 * {@code ResultsReported} published with the routing key {@code probe.<name>} may only hold results of probe
 * {@code <name>}. A probe's RabbitMQ user may publish only with its own key (a topic permission, see
 * scripts/rabbitmq-users.sh), so a probe cannot report another engine's results. The brain's own results
 * ({@link Topology#BRAIN_RESULT_KEY}) may name any probe.
 */
public final class ResultSenders {

    private static final String PROBE_PREFIX = "probe.";

    private ResultSenders() {
    }

    /** Why these results may not come with this routing key, or null when they may. */
    public static String problem(ResultsReported reported, String routingKey) {
        if (Topology.BRAIN_RESULT_KEY.equals(routingKey)) {
            return null;
        }
        if (routingKey == null || !routingKey.startsWith(PROBE_PREFIX)) {
            return "results published with routing key " + routingKey + ", neither probe.<name> nor brain";
        }
        String probe = routingKey.substring(PROBE_PREFIX.length());
        for (JobResult result : reported.results()) {
            if (result != null && !probe.equals(result.probe())) {
                return "a result of probe " + result.probe() + " published by probe " + probe + " (routing key "
                        + routingKey + ")";
            }
        }
        return null;
    }
}
