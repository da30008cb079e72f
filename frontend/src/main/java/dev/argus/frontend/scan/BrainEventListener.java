package dev.argus.frontend.scan;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ResultReported;
import dev.argus.common.message.ScanDispatched;
import dev.argus.common.timing.StageTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code argus.frontend.events}: the brain's {@code ResultReported} and {@code ScanDispatched}. With
 * several frontends the queue's messages are shared out among them (competing consumers).
 */
@Component
@RabbitListener(queues = Topology.EVENTS_QUEUE)
class BrainEventListener {

    private static final Logger log = LoggerFactory.getLogger(BrainEventListener.class);

    private final ResultRecorder recorder;

    BrainEventListener(ResultRecorder recorder) {
        this.recorder = recorder;
    }

    /** A result of a scan not visible yet is retried; once the message was requeued (redelivered) it is dropped. */
    @RabbitHandler
    void on(ResultReported message, @Header(AmqpHeaders.REDELIVERED) boolean redelivered) {
        long start = StageTimer.start();
        recorder.record(message, redelivered);
        StageTimer.stop("frontend.result", start);
    }

    @RabbitHandler
    void on(ScanDispatched message) {
        recorder.markRunning(message);
    }

    @RabbitHandler(isDefault = true)
    void onOther(Object message) {
        log.warn("ignoring unexpected message on {}: {}", Topology.EVENTS_QUEUE, message);
    }
}
