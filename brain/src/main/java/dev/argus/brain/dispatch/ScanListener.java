package dev.argus.brain.dispatch;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.common.timing.StageTimer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code argus.brain.scans}, once {@link ScanIntake} has let the registry catch up after start-up. A
 * message is acknowledged after its transaction committed (with its
 * outgoing messages confirmed); an exception requeues it. A malformed message, which no retry can fix, is
 * logged and discarded.
 */
@Component
@RabbitListener(id = ScanListener.ID, queues = Topology.SCANS_QUEUE, autoStartup = "false")
class ScanListener {

    /** The listener container's id; {@link ScanIntake} starts it. */
    static final String ID = "argus-scans";

    private static final Logger log = LoggerFactory.getLogger(ScanListener.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ScanDispatcher dispatcher;
    private final ScanCanceller canceller;

    ScanListener(ScanDispatcher dispatcher, ScanCanceller canceller) {
        this.dispatcher = dispatcher;
        this.canceller = canceller;
    }

    @RabbitHandler
    public void onScanRequested(ScanRequested request) {
        String problem = problemWith(request);
        if (problem != null) {
            log.error("Discarding malformed ScanRequested of scan {}: {}", request.scanId(), problem);
            throw new AmqpRejectAndDontRequeueException("malformed ScanRequested: " + problem);
        }
        long start = StageTimer.start();
        dispatcher.dispatch(request);
        StageTimer.stop("brain.dispatch", start);
    }

    @RabbitHandler
    public void onCancelScan(CancelScan cancel) {
        if (cancel.scanId() == null) {
            log.error("Discarding CancelScan without scan id");
            throw new AmqpRejectAndDontRequeueException("CancelScan without scan id");
        }
        canceller.cancel(cancel);
    }

    private static String problemWith(ScanRequested request) {
        if (request.scanId() == null || request.files() == null || request.probes() == null) {
            return "scanId, files and probes are required";
        }
        for (ScanFile file : request.files()) {
            if (file == null || file.sha256() == null || !SHA256.matcher(file.sha256()).matches()) {
                return "a file sha256 is not 64 lower-case hex digits: " + (file == null ? null : file.sha256());
            }
        }
        for (String probe : request.probes()) {
            if (probe == null || !Topology.PROBE_NAME.matcher(probe).matches()) {
                return "invalid probe name '" + probe + "'";
            }
        }
        return null;
    }
}
