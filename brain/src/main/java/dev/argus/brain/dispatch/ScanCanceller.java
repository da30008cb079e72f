package dev.argus.brain.dispatch;

import dev.argus.brain.job.JobRows;
import dev.argus.brain.job.ScanLocks;
import dev.argus.common.message.CancelScan;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels a scan: its PENDING jobs become CANCELLED (a later result is dropped); results already in are kept. A
 * cancel that overtakes its request leaves a cancelled scan row, so the request is ignored when it arrives.
 * Idempotent.
 */
@Service
class ScanCanceller {

    private static final Logger log = LoggerFactory.getLogger(ScanCanceller.class);

    private final ScanRows scans;
    private final JobRows jobs;
    private final ScanLocks scanLocks;
    private final Clock clock;

    ScanCanceller(ScanRows scans, JobRows jobs, ScanLocks scanLocks, Clock clock) {
        this.scans = scans;
        this.jobs = jobs;
        this.scanLocks = scanLocks;
        this.clock = clock;
    }

    @Transactional
    public void cancel(CancelScan command) {
        scanLocks.lock(command.scanId());
        Instant now = clock.instant();
        scans.upsertCancelled(command.scanId(), now);
        int ended = jobs.cancelPending(command.scanId(), now);
        log.info("Cancelled scan {}: {} pending job(s) ended as cancelled", command.scanId(), ended);
    }
}
