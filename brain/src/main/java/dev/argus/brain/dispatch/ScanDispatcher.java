package dev.argus.brain.dispatch;

import dev.argus.brain.job.Job;
import dev.argus.brain.job.JobIds;
import dev.argus.brain.job.JobRows;
import dev.argus.brain.job.JobStatus;
import dev.argus.brain.job.ScanLocks;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.OutboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fans a scan out into one job row per (file, probe), idempotently by scan id, by the one fan-out rule
 * ({@link FanOut}: offline probe, mime filter, stored result, or a job). Rows are written in the caller's transaction,
 * which publishes the messages (with confirms) before it commits ({@link ScanBatches}): if anything fails nothing is
 * committed and the request is redelivered; as job ids derive from (scan, file, probe), a redelivery re-sends the same
 * jobs. The scan row keeps the probes and force flag, for the files later found inside its containers.
 */
@Service
class ScanDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ScanDispatcher.class);

    private final ScanRows scans;
    private final JobRows jobs;
    private final ScanLocks scanLocks;
    private final FanOut fanOut;
    private final Clock clock;

    ScanDispatcher(ScanRows scans, JobRows jobs, ScanLocks scanLocks, FanOut fanOut, Clock clock) {
        this.scans = scans;
        this.jobs = jobs;
        this.scanLocks = scanLocks;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    /**
     * Fans the scan out in the caller's transaction and returns the messages to publish (with confirms) before
     * that transaction commits; none for a repeated or cancelled request.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OutboundMessage> dispatch(ScanRequested request) {
        scanLocks.lock(request.scanId());
        Instant now = clock.instant();
        List<String> probes = request.probes().stream().distinct().toList();
        if (!scans.insertRequested(request.scanId(), probes, request.force(), now)) {
            log.info(scans.isCancelled(request.scanId())
                    ? "Ignoring ScanRequested of scan {}: it was cancelled before it was requested"
                    : "Ignoring repeated ScanRequested of scan {}: already dispatched", request.scanId());
            return List.of();
        }
        List<Job> rows = fanOut.plan(new FanOut.Request(request.scanId(), probes, request.force(),
                request.passwords(), request.workClass()), distinctFiles(request.files()), Map.of(), now);
        jobs.insertAll(rows);
        logPlanned(rows);
        return fanOut.messages(List.of(), rows, now);
    }

    /** At DEBUG, what became of each pair. */
    static void logPlanned(List<Job> rows) {
        if (log.isDebugEnabled()) {
            rows.forEach(r -> log.debug("Scan {} file {} probe {}: {} {}", r.scanId(), JobIds.shortSha(r.sha256()),
                    r.probe(), r.origin(), r.status() == JobStatus.PENDING ? "job " + r.id() + " sent"
                            : r.engineResult().category().wireName()));
        }
    }

    private static List<ScanFile> distinctFiles(List<ScanFile> files) {
        Map<String, ScanFile> bySha = new LinkedHashMap<>();
        files.forEach(f -> bySha.putIfAbsent(f.sha256(), f));
        return List.copyOf(bySha.values());
    }
}
