package dev.argus.frontend.scan;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanProgressed;
import dev.argus.frontend.FrontendProperties;
import dev.argus.frontend.messaging.FrontendInstance;
import dev.argus.messaging.Consumers;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.Delivery;
import dev.argus.messaging.ResultSenders;
import dev.argus.messaging.GuardedConsumer;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.Routes;
import java.time.Duration;
import java.util.List;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes {@code argus.frontend.results} (every probe's and the brain's {@code ResultsReported}; with several
 * frontends the messages are shared out among them) in batches of up to 50 messages, each batch stored in one
 * transaction by {@link ResultRecorder} ({@link #answers}) and acknowledged after it committed; what changed is then sent to the other
 * frontends as a transient {@code ScanProgressed}. A message whose results are not all of the probe its routing key
 * names is parked unread.
 */
@Configuration(proxyBeanMethods = false)
class ResultConsumer {

    static final int BATCH = 50;

    @Bean
    SimpleMessageListenerContainer resultContainer(ConnectionFactory connectionFactory, MessageConverter converter,
                                                  DeadLetters deadLetters, ResultRecorder recorder,
                                                  MessagePublisher publisher, FrontendInstance instance,
                                                  FrontendProperties properties) {
        GuardedConsumer listener = new GuardedConsumer(Topology.FRONTEND_RESULTS_QUEUE, Delivery.converter(converter),
                ResultConsumer::deliveryProblem, messages -> {
                    List<JobResult> results = messages.stream().flatMap(m -> answers((Delivery) m).stream())
                            .toList();
                    ScanProgressed progressed = recorder.recordAll(results, instance.id());
                    if (!progressed.results().isEmpty() || !progressed.status().isEmpty()) {
                        publisher.publishTransient(Routes.live(progressed));
                    }
                }, deadLetters, properties.maxFailures(), Duration.ofSeconds(1));
        return Consumers.container(connectionFactory, Topology.FRONTEND_RESULTS_QUEUE, listener,
                new Consumers.Settings(2, BATCH, BATCH, Duration.ofMillis(2)), true);
    }

    /**
     * The results of a delivery that the frontends store: all of them, except that a result carrying an extraction
     * report is stored only as the brain relays it (routing key {@code brain}), with the files it added to the scan;
     * the probe's own copy, or one from anyone else, is skipped.
     */
    static List<JobResult> answers(Delivery delivery) {
        ResultsReported reported = (ResultsReported) delivery.body();
        if (Topology.BRAIN_RESULT_KEY.equals(delivery.routingKey())) {
            return reported.results();
        }
        return reported.results().stream().filter(r -> r.extracted() == null).toList();
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
            return "a " + message.getClass().getSimpleName() + " does not belong on "
                    + Topology.FRONTEND_RESULTS_QUEUE;
        }
        if (reported.results().isEmpty()) {
            return "a ResultsReported without results";
        }
        for (JobResult result : reported.results()) {
            if (result == null || result.scanId() == null || result.sha256() == null || result.probe() == null
                    || result.result() == null || result.result().category() == null) {
                return "a result without scan id, sha256, probe or category";
            }
        }
        return null;
    }
}
