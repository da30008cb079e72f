package dev.argus.brain.dispatch;

import dev.argus.brain.job.JobRows;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ForgetFiles;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.OutboundMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles a consumer batch of {@code argus.brain.scans} in one transaction: the finished jobs of deleted files
 * forgotten first, then each request fanned out, each cancel applied, in scan-id order (one lock order, so two batches cannot deadlock), then every outgoing message published
 * with one wait for the broker's confirms, before the commit.
 */
@Service
class ScanBatches {

    private static final Logger log = LoggerFactory.getLogger(ScanBatches.class);

    private final ScanDispatcher dispatcher;
    private final ScanCanceller canceller;
    private final MessagePublisher publisher;
    private final JobRows jobs;

    ScanBatches(ScanDispatcher dispatcher, ScanCanceller canceller, MessagePublisher publisher, JobRows jobs) {
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.canceller = canceller;
        this.publisher = publisher;
    }

    @Transactional
    public void handleAll(List<Object> messages) {
        List<OutboundMessage> outbound = new ArrayList<>();
        messages.stream().filter(ForgetFiles.class::isInstance).map(ForgetFiles.class::cast).forEach(forget -> {
            int forgotten = jobs.forgetFinished(forget.sha256s());
            log.info("Forgot {} finished job(s) of {} deleted file(s)", forgotten, forget.sha256s().size());
        });
        messages.stream().filter(message -> !(message instanceof ForgetFiles)).sorted(Comparator.comparing(ScanBatches::scanId)).forEach(message -> {
            if (message instanceof ScanRequested request) {
                outbound.addAll(dispatcher.dispatch(request));
            } else {
                canceller.cancel((CancelScan) message);
            }
        });
        publisher.publishAll(outbound);
    }

    private static UUID scanId(Object message) {
        return message instanceof ScanRequested request ? request.scanId() : ((CancelScan) message).scanId();
    }
}
