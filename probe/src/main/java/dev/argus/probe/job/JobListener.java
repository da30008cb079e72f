package dev.argus.probe.job;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.message.ProbeJob;
import dev.argus.probe.spi.ScanEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * Consumes one engine's job queue. Acknowledgement is AUTO: returning normally acks (only after the result is
 * confirmed, see {@link JobRunner}); an exception requeues the job, except for a message that is not a readable
 * {@code ProbeJob}, which is logged and rejected without requeue so it cannot loop.
 */
final class JobListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);

    private final ScanEngine engine;
    private final JobRunner runner;
    private final MessageConverter converter;

    JobListener(ScanEngine engine, JobRunner runner, MessageConverter converter) {
        this.engine = engine;
        this.runner = runner;
        this.converter = converter;
    }

    @Override
    public void onMessage(Message message) {
        ProbeJob job = read(message);
        if (!engine.name().equals(job.probe())) {
            log.warn("scan {} file {} probe {}: job {} names probe '{}' but came through this engine's queue; scanning"
                    + " with '{}'", job.scanId(), JobRunner.prefix(job.sha256()), engine.name(), job.jobId(),
                    job.probe(), engine.name());
        }
        try {
            runner.handle(job, engine);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImmediateRequeueAmqpException("probe stopping; job " + job.jobId() + " goes back to the queue", e);
        }
    }

    private ProbeJob read(Message message) {
        Object body;
        try {
            body = converter.fromMessage(message);
        } catch (MessageConversionException e) {
            throw reject(message, "unreadable: " + e.getMessage());
        }
        if (!(body instanceof ProbeJob job)) {
            throw reject(message, "a " + (body == null ? "null" : body.getClass().getSimpleName())
                    + ", not a ProbeJob");
        }
        if (job.jobId() == null) {
            throw reject(message, "a ProbeJob without jobId");
        }
        return job;
    }

    private AmqpRejectAndDontRequeueException reject(Message message, String why) {
        Object type = message.getMessageProperties().getHeaders().get(MessageTypes.TYPE_HEADER);
        log.error("probe {}: dropping message {} (type {}) from queue {}: {}", engine.name(),
                message.getMessageProperties().getMessageId(), type,
                message.getMessageProperties().getConsumerQueue(), why);
        return new AmqpRejectAndDontRequeueException("dropped message: " + why);
    }
}
