package dev.argus.frontend.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.listener.FatalExceptionStrategy;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Decides what happens to a message whose handling still fails after the listener's retries: a message that
 * can never be handled (unconvertible, no handler, breaks a database constraint) is dropped with an ERROR
 * line; anything else (e.g. the database is down) goes back to the queue, so no result is lost.
 */
class RequeueUnlessFatalRecoverer implements MessageRecoverer {

    private static final Logger log = LoggerFactory.getLogger(RequeueUnlessFatalRecoverer.class);

    private final FatalExceptionStrategy fatal = new ConditionalRejectingErrorHandler.DefaultExceptionStrategy();

    @Override
    public void recover(Message message, Throwable cause) {
        Object type = message.getMessageProperties().getHeader("__TypeId__");
        String queue = message.getMessageProperties().getConsumerQueue();
        if (fatal.isFatal(cause) || violatesConstraint(cause)) {
            log.error("dropping message {} from {}: it cannot be handled: {}", type, queue, cause.getMessage());
            throw new AmqpRejectAndDontRequeueException("cannot be handled", cause);
        }
        log.error("message {} from {} failed after retries, requeueing it: {}", type, queue, cause.getMessage());
        throw new ImmediateRequeueAmqpException("requeued after retries", cause);
    }

    /** A message that breaks a database constraint will break it on every redelivery too. */
    private static boolean violatesConstraint(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }
}
