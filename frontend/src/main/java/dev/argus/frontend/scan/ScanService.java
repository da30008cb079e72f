package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.common.message.WorkClass;
import dev.argus.frontend.catalog.FileCatalog;
import dev.argus.frontend.catalog.NewFile;
import dev.argus.frontend.quota.Quotas;
import dev.argus.frontend.priority.WorkClasses;
import dev.argus.frontend.verdict.Verdicts;
import dev.argus.frontend.web.ApiException;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.Routes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records scans and cancels them. Each is one database transaction whose message to the brain
 * ({@code ScanRequested}, {@code CancelScan}) is published and confirmed before the commit: when the broker or
 * the database fails, the transaction rolls back and nothing is half-stored.
 */
@Service
public class ScanService {

    private static final Logger log = LoggerFactory.getLogger(ScanService.class);

    private final JdbcClient jdbc;
    private final FileCatalog catalog;
    private final MessagePublisher publisher;
    private final ApplicationEventPublisher events;
    private final StoredAnswers storedAnswers;
    private final Verdicts verdicts;
    private final ScanLocks scanLocks;

    private final ScanMeters meters;
    private final CallbackUrlPolicy callbacks;
    private final JobLimit jobLimit;
    private final Quotas quotas;
    private final WorkClasses workClasses;

    ScanService(JdbcClient jdbc, FileCatalog catalog, MessagePublisher publisher, ApplicationEventPublisher events,
                StoredAnswers storedAnswers, Verdicts verdicts, ScanLocks scanLocks, ScanMeters meters,
                CallbackUrlPolicy callbacks, JobLimit jobLimit, Quotas quotas, WorkClasses workClasses) {
        this.jobLimit = jobLimit;
        this.quotas = quotas;
        this.workClasses = workClasses;
        this.meters = meters;
        this.callbacks = callbacks;
        this.scanLocks = scanLocks;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.publisher = publisher;
        this.events = events;
        this.storedAnswers = storedAnswers;
        this.verdicts = verdicts;
    }

    /**
     * Records a scan of the files (distinct by sha256, the first name kept as the file's name and any other name it had in
     * the upload as well) with validated probe names and
     * sends {@code ScanRequested} to the brain; or, when the scan does not force a rescan and every (file, probe)
     * pair has a reusable stored result ({@link StoredAnswers}), records the scan finished with copies of those
     * results and sends nothing. A callback URL in the options is checked by the {@link CallbackUrlPolicy} first,
     * and the scan is counted against the owner's quotas ({@link Quotas#chargeScan}: every way in to a scan comes
     * here), a 429 when it passes one.
     *
     * @param owner the submitting user
     * @return the new scan's id
     */
    @Transactional
    public UUID create(List<NewFile> files, List<String> probes, ScanOptions options, String owner) {
        return record(files, probes, options, owner).id();
    }

    /**
     * As {@link #create}, also returning the scan as the API shows it when the transaction commits (queued with
     * every file pending, or finished with the stored answers), built without reading it back.
     */
    @Transactional
    public Created createAndDescribe(List<NewFile> files, List<String> probes, ScanOptions options, String owner) {
        return record(files, probes, options, owner);
    }

    /**
     * The names a content had in this upload besides the one its scan_file row keeps (the first): two names for the
     * same bytes both stay.
     */
    private static Map<String, Set<String>> otherNames(List<NewFile> files, Map<String, NewFile> distinct) {
        Map<String, Set<String>> others = new LinkedHashMap<>();
        for (NewFile file : files) {
            String first = distinct.get(file.sha256()).name();
            if (file.name() != null && !file.name().equals(first)) {
                others.computeIfAbsent(file.sha256(), sha256 -> new LinkedHashSet<>()).add(file.name());
            }
        }
        return others;
    }

    /**
     * A recorded scan.
     *
     * @param id   its id
     * @param view the scan as it stands at commit
     */
    public record Created(UUID id, ScanView view) {
    }

    private Created record(List<NewFile> files, List<String> probes, ScanOptions options, String owner) {
        Map<String, NewFile> distinct = new LinkedHashMap<>();
        files.forEach(file -> distinct.putIfAbsent(file.sha256(), file));
        Map<String, Set<String>> otherNames = otherNames(files, distinct);
        if (distinct.isEmpty() || probes.isEmpty()) {
            throw new IllegalArgumentException("a scan needs files and probes");
        }
        jobLimit.check(distinct.size(), probes.size());
        if (options.callbackUrl() != null) {
            callbacks.check(options.callbackUrl(), owner);
        }
        if (owner != null) {
            quotas.chargeScan(owner, distinct.values().stream().mapToLong(NewFile::size).sum());
        }
        UUID id = UUID.randomUUID();
        meters.scanCreated();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean anyNew = false;
        for (NewFile file : distinct.values()) {
            anyNew |= catalog.record(file, now);
        }
        otherNames.forEach((sha256, names) -> names.forEach(name -> catalog.recordName(sha256, name, now)));
        int total = distinct.size() * probes.size();
        // a file new to the catalogue has no stored result, so the whole scan cannot be answered: skip the query
        List<StoredAnswers.StoredAnswer> answers = options.force() || anyNew ? List.of()
                : storedAnswers.find(distinct.keySet(), probes);
        boolean answered = answers.size() == total;
        WorkClass workClass = workClasses.classify(options.priority(), distinct.size());
        workClasses.admit(workClass, probes); // 503 for bulk work past an engine's backlog bound: nothing kept
        OffsetDateTime createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("""
                        insert into scan (id, status, created_at, finished_at, force, probes, tags, metadata, total,
                                          done, owner, callback_url, work_class)
                        values (:id, :status, :createdAt, :finishedAt, :force, :probes, :tags,
                                cast(:metadata as jsonb), :total, :done, :owner, :callbackUrl, :workClass)
                        """)
                .param("id", id)
                .param("status", answered ? ScanStatus.FINISHED.wireName() : ScanStatus.QUEUED.wireName())
                .param("createdAt", createdAt)
                .param("finishedAt", answered ? createdAt : null)
                .param("force", options.force())
                .param("probes", probes.toArray(String[]::new))
                .param("tags", options.tags().toArray(String[]::new))
                .param("metadata", ArgusJson.mapper().writeValueAsString(options.metadata()))
                .param("total", total)
                .param("done", answered ? total : 0)
                .param("owner", owner)
                .param("callbackUrl", options.callbackUrl())
                .param("workClass", workClass.wireName())
                .update();
        int position = 0;
        for (NewFile file : distinct.values()) {
            jdbc.sql("""
                            insert into scan_file (scan_id, sha256, name, other_names, position)
                            values (:id, :sha256, :name, :otherNames, :position)""")
                    .param("id", id)
                    .param("sha256", file.sha256())
                    .param("name", file.name())
                    .param("otherNames", otherNames.getOrDefault(file.sha256(), Set.of()).toArray(String[]::new))
                    .param("position", position++)
                    .update();
        }
        if (answered) {
            storedAnswers.copyInto(id, answers, now);
            events.publishEvent(new ScanFinished(id, ScanStatus.FINISHED, now));
            log.info("scan {} for {} answered from stored results: {} files x {} probes {}", id, owner,
                    distinct.size(), probes.size(), probes);
            return new Created(id, AnsweredScanView.of(id, now, distinct.values(), probes, options, answers, verdicts));
        }
        List<ScanFile> scanFiles = distinct.values().stream()
                .map(file -> new ScanFile(file.sha256(), file.size(), file.mimeType()))
                .toList();
        scanLocks.lock(id); // a result that overtakes this commit waits for it (ResultRecorder)
        publisher.publish(Routes.scanRequested(new ScanRequested(id, scanFiles, List.copyOf(probes), options.force(),
                now, options.passwords(), workClass)));
        log.info("scan {} queued for {} ({}): {} files x {} probes {}", id, owner, workClass.wireName(),
                distinct.size(), probes.size(), probes);
        return new Created(id, QueuedScanView.of(id, now, distinct.values(), probes, options));
    }

    /**
     * Cancels an active scan and sends {@code CancelScan}; results already in are kept.
     *
     * @throws ApiException 404 for an unknown scan, 409 when it is no longer active
     */
    @Transactional
    public void cancel(UUID id) {
        ScanRow scan = ScanRow.lock(jdbc, id)
                .orElseThrow(() -> ApiException.notFound("scan-not-found", "no scan with id " + id));
        if (!scan.status().isActive()) {
            throw ApiException.conflict("scan-not-active",
                    "scan " + id + " is already " + scan.status().wireName() + " and cannot be cancelled");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update scan set status = 'cancelled', finished_at = :now where id = :id")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("id", id)
                .update();
        events.publishEvent(new ScanFinished(id, ScanStatus.CANCELLED, now));
        publisher.publish(Routes.cancelScan(new CancelScan(id, now)));
        events.publishEvent(new ScanStatusChanged(id, ScanStatus.CANCELLED, scan.progress(), now));
        log.info("scan {} cancelled at {}/{} results", id, scan.done(), scan.total());
    }
}
