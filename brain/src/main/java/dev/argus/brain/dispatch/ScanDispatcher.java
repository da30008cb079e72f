package dev.argus.brain.dispatch;

import dev.argus.brain.BrainProperties;
import dev.argus.brain.job.Job;
import dev.argus.brain.job.JobIds;
import dev.argus.brain.job.JobOrigin;
import dev.argus.brain.job.JobRows;
import dev.argus.brain.job.JobStatus;
import dev.argus.brain.job.ResultCache;
import dev.argus.brain.job.ScanLocks;
import dev.argus.brain.registry.ProbeQueues;
import dev.argus.brain.registry.ProbeRegistry;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.OutboundMessage;
import dev.argus.messaging.Routes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fans a scan out into one job row per (file, probe), idempotently by scan id. Each pair is, in this order: answered
 * at once with {@code failure} "probe offline" when the probe is unknown or has been offline for longer than
 * {@code argus.brain.offline-grace} (a probe offline for less, e.g. restarting, still gets its job); with {@code type-unsupported}
 * when the probe's mime filter rejects the file; with a copy of a stored result when {@link ResultCache} has one;
 * otherwise sent to the probe as a PENDING job. The pending jobs of one probe travel together, at most
 * {@code argus.brain.batch-size} per {@code ScanFiles} message; the pairs answered at once go to the frontends in one
 * {@code ResultsReported}. Rows are written in the caller's transaction, which publishes the messages (with confirms)
 * before it commits ({@link ScanBatches}): if anything fails nothing is committed and the request is redelivered; as
 * job ids derive from (scan, file, probe), a redelivery re-sends the same jobs.
 */
@Service
class ScanDispatcher {

    static final String PROBE_OFFLINE = "probe offline";
    private static final Logger log = LoggerFactory.getLogger(ScanDispatcher.class);

    private final ScanRows scans;
    private final JobRows jobs;
    private final ScanLocks scanLocks;
    private final ProbeRegistry registry;
    private final ProbeQueues probeQueues;
    private final MimeFilter mimeFilter;
    private final JobIds jobIds;
    private final ResultCache cache;
    private final BrainProperties properties;
    private final Clock clock;

    ScanDispatcher(ScanRows scans, JobRows jobs, ScanLocks scanLocks, ProbeRegistry registry, ProbeQueues probeQueues,
                   MimeFilter mimeFilter, ResultCache cache, JobIds jobIds, BrainProperties properties,
                   Clock clock) {
        this.scans = scans;
        this.jobIds = jobIds;
        this.jobs = jobs;
        this.scanLocks = scanLocks;
        this.registry = registry;
        this.probeQueues = probeQueues;
        this.mimeFilter = mimeFilter;
        this.cache = cache;
        this.properties = properties;
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
        if (!scans.insertRequested(request.scanId(), now)) {
            log.info(scans.isCancelled(request.scanId())
                    ? "Ignoring ScanRequested of scan {}: it was cancelled before it was requested"
                    : "Ignoring repeated ScanRequested of scan {}: already dispatched", request.scanId());
            return List.of();
        }
        Map<String, ProbeStatus> directory = registry.statusesByName();
        Instant deadline = now.plus(properties.jobDeadline());
        List<Job> rows = new ArrayList<>();
        for (ScanFile file : distinctFiles(request.files())) {
            for (String probe : request.probes().stream().distinct().toList()) {
                rows.add(plan(request, file, probe, directory.get(probe), now, deadline));
            }
        }
        jobs.insertAll(rows);
        if (log.isDebugEnabled()) {
            rows.forEach(r -> log.debug("Scan {} file {} probe {}: {} {}", r.scanId(), JobIds.shortSha(r.sha256()),
                    r.probe(), r.origin(), r.status() == JobStatus.PENDING ? "job " + r.id() + " sent"
                            : r.engineResult().category().wireName()));
        }
        return messages(rows, now);
    }

    private List<OutboundMessage> messages(List<Job> rows, Instant now) {
        List<OutboundMessage> messages = new ArrayList<>();
        List<JobResult> answered = rows.stream().filter(r -> r.status() != JobStatus.PENDING).map(Job::toResult)
                .toList();
        if (!answered.isEmpty()) {
            messages.add(Routes.brainResults(new ResultsReported("brain", answered, now)));
        }
        Map<String, List<ProbeJob>> byProbe = new LinkedHashMap<>();
        rows.stream().filter(r -> r.status() == JobStatus.PENDING).forEach(r -> byProbe
                .computeIfAbsent(r.probe(), p -> new ArrayList<>()).add(r.toProbeJob(properties.maxAttempts())));
        byProbe.forEach((probe, pending) -> {
            probeQueues.ensureDeclared(probe);
            for (int from = 0; from < pending.size(); from += properties.batchSize()) {
                List<ProbeJob> batch = pending.subList(from, Math.min(pending.size(), from + properties.batchSize()));
                messages.add(Routes.scanFiles(new ScanFiles(probe, batch)));
            }
        });
        return messages;
    }

    private Job plan(ScanRequested request, ScanFile file, String probe, ProbeStatus status, Instant now,
                     Instant deadline) {
        if (status == null || !status.online() && goneFor(status, now)) {
            return Job.immediate(jobIds, request.scanId(), file.sha256(), probe, file.mimeType(), JobOrigin.OFFLINE,
                    EngineResult.withoutEngine(Category.FAILURE, PROBE_OFFLINE, status == null ? null : status.probe()),
                    now);
        }
        ProbeDescriptor descriptor = status.probe();
        if (!mimeFilter.accepts(descriptor, file.mimeType())) {
            return Job.immediate(jobIds, request.scanId(), file.sha256(), probe, file.mimeType(), JobOrigin.FILTER,
                    EngineResult.withoutEngine(Category.TYPE_UNSUPPORTED, null, descriptor), now);
        }
        Optional<EngineResult> cached = cache.lookup(request.force(), file.sha256(), descriptor);
        if (cached.isPresent()) {
            return Job.immediate(jobIds, request.scanId(), file.sha256(), probe, file.mimeType(), JobOrigin.CACHE,
                    cached.get(), now);
        }
        return Job.pending(jobIds, request.scanId(), file.sha256(), probe, file.mimeType(), now, deadline);
    }

    /** An offline probe past the grace: scans fail at once rather than wait for it. */
    private boolean goneFor(ProbeStatus status, Instant now) {
        return status.lastSeen() == null || status.lastSeen().isBefore(now.minus(properties.offlineGrace()));
    }

    private static List<ScanFile> distinctFiles(List<ScanFile> files) {
        Map<String, ScanFile> bySha = new LinkedHashMap<>();
        files.forEach(f -> bySha.putIfAbsent(f.sha256(), f));
        return List.copyOf(bySha.values());
    }
}
