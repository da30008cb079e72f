package dev.argus.brain.dispatch;

import dev.argus.brain.BrainProperties;
import dev.argus.brain.job.Job;
import dev.argus.brain.job.JobIds;
import dev.argus.brain.job.JobOrigin;
import dev.argus.brain.job.JobStatus;
import dev.argus.brain.job.ResultCache;
import dev.argus.brain.registry.ProbeQueues;
import dev.argus.brain.registry.ProbeRegistry;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.Extraction;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.WorkClass;
import dev.argus.messaging.OutboundMessage;
import dev.argus.messaging.Routes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one fan-out rule, for the files of an upload and for the files found inside a container alike. Each (file,
 * probe) pair is, in this order: answered at once with {@code failure} "probe offline" when the probe is unknown or
 * has been offline for longer than {@code argus.brain.offline-grace} (a probe offline for less, e.g. restarting,
 * still gets its job); for a file found inside a container, answered by the extraction probe from the report that
 * found it ({@link JobOrigin#EXTRACTED}: it is never extracted twice); with {@code type-unsupported} when the
 * probe's mime filter rejects the file; with a copy of a stored result when {@link ResultCache} has one; otherwise
 * a PENDING job (an extraction probe's job carries the scan's passwords). The pending jobs of one probe travel
 * together, at most {@code argus.brain.batch-size} per {@code ScanFiles}; the pairs answered at once go to the
 * frontends in one {@code ResultsReported}.
 */
@Component
class FanOut {

    static final String PROBE_OFFLINE = "probe offline";

    private final ProbeRegistry registry;
    private final ProbeQueues probeQueues;
    private final MimeFilter mimeFilter;
    private final ResultCache cache;
    private final JobIds jobIds;
    private final BrainProperties properties;

    FanOut(ProbeRegistry registry, ProbeQueues probeQueues, MimeFilter mimeFilter, ResultCache cache, JobIds jobIds,
           BrainProperties properties) {
        this.registry = registry;
        this.probeQueues = probeQueues;
        this.mimeFilter = mimeFilter;
        this.cache = cache;
        this.jobIds = jobIds;
        this.properties = properties;
    }

    /**
     * What a scan asks of its files.
     *
     * @param scanId    the scan
     * @param probes    the probes to run, distinct
     * @param force     false: reuse stored results
     * @param passwords for the extraction probe's jobs
     * @param workClass the scan's work class: the priority of its jobs
     */
    record Request(java.util.UUID scanId, List<String> probes, boolean force, List<String> passwords,
                   WorkClass workClass) {
    }

    /**
     * Plans every pair of these files and the request's probes.
     *
     * @param extracted the files found inside a container, by sha256, for the files that are such (empty for an
     *                  upload): their extraction probe pair is answered from it
     */
    List<Job> plan(Request request, List<ScanFile> files, Map<String, ExtractedFile> extracted, Instant now) {
        Map<String, ProbeStatus> directory = registry.statusesByName();
        Instant deadline = now.plus(properties.jobDeadline());
        List<Job> rows = new ArrayList<>();
        for (ScanFile file : files) {
            for (String probe : request.probes()) {
                rows.add(plan(request, file, probe, directory.get(probe), extracted.get(file.sha256()), now,
                        deadline));
            }
        }
        return rows;
    }

    private Job plan(Request request, ScanFile file, String probe, ProbeStatus status, ExtractedFile found,
                     Instant now, Instant deadline) {
        if (status == null || !status.online() && goneFor(status, now)) {
            return immediate(request, file, probe, JobOrigin.OFFLINE, EngineResult.withoutEngine(Category.FAILURE,
                    PROBE_OFFLINE, status == null ? null : status.probe()), now);
        }
        ProbeDescriptor descriptor = status.probe();
        boolean extractor = descriptor.category() == ProbeCategory.EXTRACTOR;
        if (extractor && found != null) {
            return immediate(request, file, probe, JobOrigin.EXTRACTED, extractedAnswer(found, descriptor), now);
        }
        if (!mimeFilter.accepts(descriptor, file.mimeType())) {
            return immediate(request, file, probe, JobOrigin.FILTER,
                    EngineResult.withoutEngine(Category.TYPE_UNSUPPORTED, null, descriptor), now);
        }
        Optional<EngineResult> cached = cache.lookup(request.force(), file.sha256(), descriptor);
        if (cached.isPresent()) {
            return immediate(request, file, probe, JobOrigin.CACHE, cached.get(), now);
        }
        Job job = Job.pending(jobIds, request.scanId(), file.sha256(), probe, file.mimeType(), now, deadline)
                .withWorkClass(request.workClass());
        return extractor ? job.withPasswords(request.passwords()) : job;
    }

    /**
     * The extraction probe's answer for a file it found inside a container: what became of it when it was opened
     * there, or {@code type-unsupported} for a file that is no container.
     */
    private static EngineResult extractedAnswer(ExtractedFile found, ProbeDescriptor descriptor) {
        Extraction extraction = found.extraction();
        if (extraction == null) {
            return EngineResult.withoutEngine(Category.TYPE_UNSUPPORTED, null, descriptor);
        }
        return new EngineResult(extraction.category(), extraction.threat(), descriptor.engineVersion(),
                descriptor.signatureVersion(), 0, null, extraction.details());
    }

    private Job immediate(Request request, ScanFile file, String probe, JobOrigin origin, EngineResult result,
                          Instant now) {
        return Job.immediate(jobIds, request.scanId(), file.sha256(), probe, file.mimeType(), origin, result, now);
    }

    /** An offline probe past the grace: scans fail at once rather than wait for it. */
    private boolean goneFor(ProbeStatus status, Instant now) {
        return status.lastSeen() == null || status.lastSeen().isBefore(now.minus(properties.offlineGrace()));
    }

    /**
     * The messages that carry these rows: the pairs answered at once in one {@code ResultsReported} to the frontends
     * after {@code leading} (results that must reach the frontends before them, e.g. the report that added the
     * files), the pending jobs in {@code ScanFiles} per probe.
     */
    List<OutboundMessage> messages(List<JobResult> leading, List<Job> rows, Instant now) {
        List<OutboundMessage> messages = new ArrayList<>();
        List<JobResult> answered = new ArrayList<>(leading);
        rows.stream().filter(r -> r.status() != JobStatus.PENDING).map(Job::toResult).forEach(answered::add);
        if (!answered.isEmpty()) {
            messages.add(Routes.brainResults(new ResultsReported("brain", answered, now)));
        }
        List<Job> pending = rows.stream().filter(r -> r.status() == JobStatus.PENDING).toList();
        messages.addAll(batches(pending, properties.batchSize(), properties.maxAttempts(), probeQueues));
        return messages;
    }

    /**
     * The {@code ScanFiles} messages of these pending jobs (first sends or retries): one probe and one work class
     * per message (its priority), at most {@code batchSize} jobs each, the probes' queues declared first.
     */
    public static List<OutboundMessage> batches(List<Job> pending, int batchSize, int maxAttempts,
                                                ProbeQueues probeQueues) {
        record Key(String probe, WorkClass workClass) {
        }
        Map<Key, List<ProbeJob>> byProbe = new LinkedHashMap<>();
        pending.forEach(r -> byProbe.computeIfAbsent(new Key(r.probe(), r.workClass()), k -> new ArrayList<>())
                .add(r.toProbeJob(maxAttempts)));
        List<OutboundMessage> messages = new ArrayList<>();
        byProbe.forEach((key, jobs) -> {
            probeQueues.ensureDeclared(key.probe());
            for (int from = 0; from < jobs.size(); from += batchSize) {
                List<ProbeJob> batch = jobs.subList(from, Math.min(jobs.size(), from + batchSize));
                messages.add(Routes.scanFiles(new ScanFiles(key.probe(), batch, key.workClass())));
            }
        });
        return messages;
    }
}
