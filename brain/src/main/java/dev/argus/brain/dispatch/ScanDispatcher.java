package dev.argus.brain.dispatch;

import dev.argus.brain.BrainProperties;
import dev.argus.brain.job.CacheKey;
import dev.argus.brain.job.JobEntity;
import dev.argus.brain.job.JobIds;
import dev.argus.brain.job.JobOrigin;
import dev.argus.brain.job.JobRows;
import dev.argus.brain.job.JobStatus;
import dev.argus.brain.job.ResultCache;
import dev.argus.brain.job.ScanLocks;
import dev.argus.brain.messaging.Outbound;
import dev.argus.brain.registry.ProbeQueues;
import dev.argus.brain.registry.ProbeRegistry;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.ScanDispatched;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.OutboundMessage;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Fans a scan out into one job row per (file, probe), idempotently by scan id. Each pair is, in this order:
 * answered at once with {@code failure} "probe offline" when the probe is unknown or offline; with
 * {@code type-unsupported} when the probe's mime filter rejects the file; with a copy of a cached result
 * when {@code force} is false and one exists; otherwise sent to the probe as a PENDING job. Rows, the
 * {@code ScanDispatched}, the immediate {@code ResultReported}s and the {@code ProbeJob}s are written and
 * published (with confirms) in one transaction: if anything fails nothing is committed and the request is
 * redelivered; as job ids derive from (scan, file, probe), a redelivery re-sends the same jobs.
 */
@Service
class ScanDispatcher {

    static final String PROBE_OFFLINE = "probe offline";
    private static final Logger log = LoggerFactory.getLogger(ScanDispatcher.class);

    private final ScanRepository scans;
    private final ScanRows scanRows;
    private final JobRows jobs;
    private final ScanLocks scanLocks;
    private final ProbeRegistry registry;
    private final ProbeQueues probeQueues;
    private final MimeFilter mimeFilter;
    private final ResultCache cache;
    private final MessagePublisher publisher;
    private final BrainProperties properties;
    private final Clock clock;

    ScanDispatcher(ScanRepository scans, ScanRows scanRows, JobRows jobs, ScanLocks scanLocks, ProbeRegistry registry,
                   ProbeQueues probeQueues, MimeFilter mimeFilter, ResultCache cache, MessagePublisher publisher,
                   BrainProperties properties, Clock clock) {
        this.scans = scans;
        this.scanRows = scanRows;
        this.jobs = jobs;
        this.scanLocks = scanLocks;
        this.registry = registry;
        this.probeQueues = probeQueues;
        this.mimeFilter = mimeFilter;
        this.cache = cache;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void dispatch(ScanRequested request) {
        scanLocks.lock(request.scanId());
        Instant now = clock.instant();
        if (!scanRows.insertRequested(request.scanId(), now)) {
            boolean cancelled = scans.findById(request.scanId()).map(ScanEntity::cancelled).orElse(false);
            log.info(cancelled ? "Ignoring ScanRequested of scan {}: it was cancelled before it was requested"
                    : "Ignoring repeated ScanRequested of scan {}: already dispatched", request.scanId());
            return;
        }
        Map<String, ProbeStatus> directory = registry.statusesByName();
        Instant deadline = now.plus(properties.jobDeadline());
        List<JobEntity> rows = new ArrayList<>();
        for (ScanFile file : distinctFiles(request.files())) {
            for (String probe : request.probes().stream().distinct().toList()) {
                rows.add(plan(request, file, probe, directory.get(probe), now, deadline));
            }
        }
        jobs.insertAll(rows);

        List<JobEntity> pending = rows.stream().filter(r -> r.status() == JobStatus.PENDING).toList();
        List<OutboundMessage> messages = new ArrayList<>(rows.size() + 1);
        messages.add(Outbound.dispatched(new ScanDispatched(request.scanId(), pending.size(),
                rows.size() - pending.size(), now)));
        rows.stream().filter(r -> r.status() != JobStatus.PENDING)
                .forEach(r -> messages.add(Outbound.result(r.toReport(now))));
        for (JobEntity job : pending) {
            probeQueues.ensureDeclared(job.probe());
            messages.add(Outbound.job(job.toProbeJob()));
        }
        publisher.publishAll(messages);
        if (log.isDebugEnabled()) {
            rows.forEach(r -> log.debug("Scan {} file {} probe {}: {} {}", r.scanId(), JobIds.shortSha(r.sha256()),
                    r.probe(), r.origin(), r.status() == JobStatus.PENDING ? "job " + r.getId() + " sent"
                            : r.engineResult().category().wireName()));
        }
        log.debug("Dispatched scan {}: {} file(s) x {} probe(s), {} job(s) sent, {} answered at once", request.scanId(),
                request.files().size(), request.probes().size(), pending.size(), rows.size() - pending.size());
    }

    private JobEntity plan(ScanRequested request, ScanFile file, String probe, ProbeStatus status, Instant now,
                           Instant deadline) {
        if (status == null || !status.online()) {
            return JobEntity.immediate(request.scanId(), file.sha256(), probe, file.mimeType(), JobOrigin.OFFLINE,
                    EngineResult.withoutEngine(Category.FAILURE, PROBE_OFFLINE, status == null ? null : status.probe()),
                    now);
        }
        ProbeDescriptor descriptor = status.probe();
        if (!mimeFilter.accepts(descriptor, file.mimeType())) {
            return JobEntity.immediate(request.scanId(), file.sha256(), probe, file.mimeType(), JobOrigin.FILTER,
                    EngineResult.withoutEngine(Category.TYPE_UNSUPPORTED, null, descriptor), now);
        }
        Optional<EngineResult> cached = CacheKey.forPair(request.force(), file.sha256(), descriptor)
                .flatMap(cache::lookup);
        if (cached.isPresent()) {
            return JobEntity.immediate(request.scanId(), file.sha256(), probe, file.mimeType(), JobOrigin.CACHE,
                    cached.get(), now);
        }
        return JobEntity.pending(request.scanId(), file.sha256(), probe, file.mimeType(), now, deadline);
    }

    private static List<ScanFile> distinctFiles(List<ScanFile> files) {
        Map<String, ScanFile> bySha = new LinkedHashMap<>();
        files.forEach(f -> bySha.putIfAbsent(f.sha256(), f));
        return List.copyOf(bySha.values());
    }
}
