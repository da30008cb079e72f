package dev.argus.brain.job;

import dev.argus.brain.BrainProperties;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import dev.argus.messaging.Consumers;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.Delivery;
import dev.argus.messaging.ResultSenders;
import dev.argus.messaging.GuardedConsumer;
import java.time.Duration;
import java.util.List;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes {@code argus.brain.results} (every probe's {@code ResultsReported}) in batches of up to 50 messages, each
 * batch booked in one transaction by {@link ResultHandler} and acknowledged after it committed. A message whose results
 * are not all of the probe its routing key names is parked unread.
 */
@Configuration(proxyBeanMethods = false)
class ResultConsumer {

    static final int BATCH = 50;
    /**
     * How long a consumer waits for more results while filling a batch. Bookkeeping is off the path a client waits on
     * (the frontends get the same results directly), so it may wait longer than the latency-bound consumers and wake
     * up less often when idle.
     */
    static final Duration FILL_WAIT = Duration.ofMillis(20);

    @Bean
    SimpleMessageListenerContainer resultContainer(ConnectionFactory connectionFactory, MessageConverter converter,
                                                  DeadLetters deadLetters, ResultHandler handler,
                                                  BrainProperties properties) {
        GuardedConsumer listener = new GuardedConsumer(Topology.BRAIN_RESULTS_QUEUE, Delivery.converter(converter),
                ResultConsumer::deliveryProblem,
                messages -> handler.handleAll(messages.stream().map(m -> (ResultsReported) ((Delivery) m).body())
                        .toList()),
                deadLetters, properties.maxFailures(), Duration.ofSeconds(1));
        return Consumers.container(connectionFactory, Topology.BRAIN_RESULTS_QUEUE, listener,
                new Consumers.Settings(2, BATCH, BATCH, FILL_WAIT), true);
    }

    /**
     * Why a delivery is parked unread: {@link #problemWith} its body, or results of another probe than its routing
     * key names ({@link ResultSenders}).
     */
    static String deliveryProblem(Object message) {
        Delivery delivery = (Delivery) message;
        String problem = problemWith(delivery.body());
        return problem != null ? problem
                : ResultSenders.problem((ResultsReported) delivery.body(), delivery.routingKey());
    }

    static String problemWith(Object message) {
        if (!(message instanceof ResultsReported reported)) {
            return "a " + message.getClass().getSimpleName() + " does not belong on " + Topology.BRAIN_RESULTS_QUEUE;
        }
        List<JobResult> results = reported.results();
        if (results.isEmpty()) {
            return "a ResultsReported without results";
        }
        for (JobResult result : results) {
            if (result == null || result.jobId() == null || result.result() == null
                    || result.result().category() == null) {
                return "a probe's result without job id or category";
            }
        }
        return null;
    }
}
