package dev.argus.brain.dispatch;

import dev.argus.brain.BrainProperties;
import dev.argus.brain.job.ExtractedFiles;
import dev.argus.brain.job.Job;
import dev.argus.brain.job.JobIds;
import dev.argus.brain.job.JobRows;
import dev.argus.brain.job.ScanLocks;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.ExtractionReport;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ScanFile;
import dev.argus.messaging.OutboundMessage;
import dev.argus.messaging.Routes;
import dev.argus.common.message.ResultsReported;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Adds the files an extraction probe found to the job's scan: the report is first made safe and reduced to a tree
 * rooted in the job's file ({@link ExtractionReport#sanitized(String)}); every file of it that the scan does not hold
 * yet (by sha256: the same member in two archives joins once) gets a pair for each of the scan's probes by the one
 * fan-out rule ({@link FanOut}). Holds the scan's lock, so two reports of one scan are admitted one after the other.
 * A cancelled scan admits nothing; the result is still relayed. The scan's files × probes stay within
 * {@code argus.brain.max-jobs-per-scan}: new files past it are left out (and logged), the report still relayed whole.
 */
@Service
class ExtractedFileAdmission implements ExtractedFiles {

    private static final Logger log = LoggerFactory.getLogger(ExtractedFileAdmission.class);

    private final ScanRows scans;
    private final JobRows jobs;
    private final ScanLocks scanLocks;
    private final FanOut fanOut;
    private final int maxJobs;

    ExtractedFileAdmission(ScanRows scans, JobRows jobs, ScanLocks scanLocks, FanOut fanOut,
                           BrainProperties properties) {
        this.maxJobs = properties.maxJobsPerScan();
        this.scans = scans;
        this.jobs = jobs;
        this.scanLocks = scanLocks;
        this.fanOut = fanOut;
    }

    @Override
    public List<OutboundMessage> admit(Job job, ExtractionReport report, Instant now) {
        scanLocks.lock(job.scanId());
        ExtractionReport relayed = report.sanitized(job.sha256());
        JobResult done = job.toResult();
        JobResult relay = new JobResult(done.jobId(), done.scanId(), done.sha256(), done.probe(), done.attempt(),
                done.retryable(), done.willRetry(), done.cached(), done.result(), relayed);
        Optional<ScanRows.Asked> asked = scans.asked(job.scanId());
        if (asked.isEmpty()) {
            log.info("Scan {}: not adding the {} file(s) found in {}: the scan is cancelled or unknown",
                    job.scanId(), relayed.files().size(), JobIds.shortSha(job.sha256()));
            return List.of(Routes.brainResults(new ResultsReported("brain", List.of(relay), now)));
        }
        Set<String> known = jobs.filesOf(job.scanId());
        int maxFiles = maxJobs / Math.max(1, asked.get().probes().size());
        Map<String, ExtractedFile> added = new LinkedHashMap<>();
        List<ScanFile> files = new ArrayList<>();
        int refused = 0;
        for (ExtractedFile file : relayed.files()) {
            if (known.contains(file.sha256())) {
                continue;
            }
            if (known.size() >= maxFiles) {
                refused++;
                continue;
            }
            known.add(file.sha256());
            added.put(file.sha256(), file);
            files.add(new ScanFile(file.sha256(), file.size(), file.mimeType()));
        }
        if (refused > 0) {
            log.warn("Scan {}: not adding {} file(s) found in {}: the scan would exceed {} jobs "
                    + "(argus.brain.max-jobs-per-scan)", job.scanId(), refused, JobIds.shortSha(job.sha256()), maxJobs);
        }
        FanOut.Request request = new FanOut.Request(job.scanId(), asked.get().probes(), asked.get().force(),
                List.of(), job.workClass());
        List<Job> rows = fanOut.plan(request, files, added, now);
        jobs.insertAll(rows);
        ScanDispatcher.logPlanned(rows);
        log.info("Scan {}: {} found {} file(s) in {}, {} new to the scan", job.scanId(), job.probe(),
                relayed.files().size(), JobIds.shortSha(job.sha256()), files.size());
        return fanOut.messages(List.of(relay), rows, now);
    }
}
