package dev.argus.brain.job;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeResult;
import dev.argus.common.timing.StageTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code argus.brain.results}. The message is acknowledged only when {@link ResultHandler} returned,
 * i.e. after its transaction committed with its outgoing message confirmed; any exception requeues it.
 */
@Component
@RabbitListener(queues = Topology.RESULTS_QUEUE)
class ResultListener {

    private static final Logger log = LoggerFactory.getLogger(ResultListener.class);

    private final ResultHandler handler;

    ResultListener(ResultHandler handler) {
        this.handler = handler;
    }

    @RabbitHandler
    public void onResult(ProbeResult result) {
        if (result.jobId() == null || result.result() == null || result.result().category() == null) {
            log.error("Discarding malformed ProbeResult without job id or result: {}", result);
            throw new AmqpRejectAndDontRequeueException("malformed ProbeResult");
        }
        long start = StageTimer.start();
        handler.handle(result);
        StageTimer.stop("brain.result", start);
    }
}
