package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ScanProgressed;
import dev.argus.frontend.web.TextRules;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the answers of (scan, file, probe) pairs as they arrive from {@code argus.results}, a batch in one
 * transaction, idempotently: a result is stored once per pair (the primary key keeps the first) and only newly stored
 * ones advance their scan's progress, by one atomic {@code done = done + n} per scan; a scan is {@code running} from
 * its first result and {@code finished} when {@code done == total}. Results marked {@code willRetry} are not answers
 * and are skipped. A result that carries an extraction report (relayed by the brain: the consumer drops such results
 * from anyone else) also adds the files found to the scan and their pairs to its total; a result for a file of the
 * scan's probes that the scan does not hold (yet) waits in {@link EarlyResults} until such a relay adds the file, and
 * is then stored and counted in the same transaction. A result of a scan that is unknown or not active, or of a probe
 * the scan does not run, is dropped with a log line. Scan rows are locked in scan-id order for the transaction, so a concurrent cancel
 * or another batch is ordered with it.
 */
@Service
public class ResultRecorder {

    private static final Logger log = LoggerFactory.getLogger(ResultRecorder.class);

    private final JdbcClient jdbc;
    private final ScanLocks scanLocks;
    private final ApplicationEventPublisher events;
    private final ScanMeters meters;
    private final ExtractedFilesRecorder tree;
    private final EarlyResults early;

    ResultRecorder(JdbcClient jdbc, ScanLocks scanLocks, ApplicationEventPublisher events, ScanMeters meters,
                   ExtractedFilesRecorder tree, EarlyResults early) {
        this.meters = meters;
        this.tree = tree;
        this.early = early;
        this.jdbc = jdbc;
        this.scanLocks = scanLocks;
        this.events = events;
    }

    /**
     * Stores the answers among these results; publishes {@link ResultRecorded} and {@link ScanStatusChanged} events
     * (delivered after commit) and returns the same changes for the other frontends.
     *
     * @param origin this frontend's instance id, named in the returned event
     */
    @Transactional
    public ScanProgressed recordAll(List<JobResult> results, String origin) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, Optional<Target>> scans = new HashMap<>();
        Map<UUID, List<Stored>> stored = new HashMap<>();
        List<JobResult> answers = results.stream().filter(r -> !r.willRetry()).filter(ResultRecorder::complete)
                .sorted(Comparator.comparing(JobResult::scanId)) // one lock order: no deadlock between batches
                .toList();
        Deque<JobResult> queue = new ArrayDeque<>(answers);
        while (!queue.isEmpty()) {
            JobResult result = queue.poll();
            Optional<Target> target = scans.computeIfAbsent(result.scanId(), this::lockScan);
            if (target.isEmpty()) {
                continue;
            }
            if (!accepts(target.get(), result)) {
                if (target.get().row().probes().contains(result.probe())) {
                    early.keep(result, now); // a file found in an archive, whose relay another frontend holds
                } else {
                    log.warn("dropping result that is not part of scan {}: sha256 {} probe {}", result.scanId(),
                            prefix(result.sha256()), result.probe());
                }
                continue;
            }
            EngineResult engine = result.result().sanitized();
            int inserted = new ResultRow(result.scanId(), result.sha256(), result.probe(), engine.category().wireName(),
                    TextRules.visible(engine.result()), engine.engineVersion(), engine.signatureVersion(), engine.durationMs(),
                    engine.error(), result.cached(), ArgusJson.mapper().writeValueAsString(engine.details()), now)
                    .insert(jdbc);
            if (inserted == 0) {
                log.debug("ignoring repeated result for scan {} sha256 {} probe {}", result.scanId(),
                        prefix(result.sha256()), result.probe());
                continue;
            }
            if (result.extracted() != null) {
                queue.addAll(early.take(result.scanId(), addExtractedFiles(target.get(), result, now)));
            }
            stored.computeIfAbsent(result.scanId(), id -> new ArrayList<>()).add(new Stored(result, engine));
            meters.resultStored(result.probe(), engine.category().wireName());
        }
        List<ScanProgressed.StoredResult> storedEvents = new ArrayList<>();
        List<ScanProgressed.StatusChange> statusEvents = new ArrayList<>();
        stored.forEach((scanId, list) -> {
            Target target = scans.get(scanId).orElseThrow();
            Counted counted = count(scanId, list.size(), now);
            int done = counted.done() - list.size();
            for (Stored s : list) {
                done++;
                JobResult r = s.result();
                events.publishEvent(new ResultRecorded(scanId, r.sha256(), r.probe(), view(s), new Progress(counted.total(), done)));
                storedEvents.add(new ScanProgressed.StoredResult(scanId, r.sha256(), r.probe(), r.cached(),
                        s.engine(), counted.total(), done));
            }
            if (counted.status() != target.row().status()) {
                events.publishEvent(new ScanStatusChanged(scanId, counted.status(), counted.progress(),
                        counted.finishedAt()));
                statusEvents.add(new ScanProgressed.StatusChange(scanId, counted.status().wireName(), counted.total(),
                        counted.done(), counted.finishedAt()));
                if (counted.status() == ScanStatus.FINISHED) {
                    events.publishEvent(new ScanFinished(scanId, ScanStatus.FINISHED, counted.finishedAt()));
                    early.forget(scanId);
                    log.info("scan {} finished: {} results", scanId, counted.total());
                }
            }
        });
        return new ScanProgressed(origin, storedEvents, statusEvents);
    }

    /**
     * Adds the files the brain relayed with an extraction result to the scan, and their pairs (files x the scan's
     * probes) to its total, before the scan's progress is counted.
     */
    private List<String> addExtractedFiles(Target target, JobResult result, Instant now) {
        List<String> added = tree.record(result.scanId(), result.sha256(), result.extracted(), now);
        if (added.isEmpty()) {
            return added;
        }
        target.files().addAll(added);
        jdbc.sql("update scan set total = total + :pairs where id = :id")
                .param("pairs", added.size() * target.row().probes().size())
                .param("id", result.scanId())
                .update();
        log.info("scan {}: {} file(s) found in {} joined the scan", result.scanId(), added.size(),
                prefix(result.sha256()));
        return added;
    }

    private Optional<Target> lockScan(UUID scanId) {
        Optional<ScanRow> row = ScanRow.lock(jdbc, scanId);
        if (row.isEmpty()) {
            // its recording transaction may still be committing: wait for it, then look again
            scanLocks.lock(scanId);
            row = ScanRow.lock(jdbc, scanId);
        }
        if (row.isEmpty()) {
            log.info("dropping results for unknown scan {}", scanId);
            return Optional.empty();
        }
        if (!row.get().status().isActive()) {
            log.info("dropping results for {} scan {}", row.get().status().wireName(), scanId);
            return Optional.empty();
        }
        Set<String> files = new HashSet<>(jdbc.sql("select sha256 from scan_file where scan_id = :id")
                .param("id", scanId).query(String.class).list());
        return Optional.of(new Target(row.get(), files));
    }

    private static boolean accepts(Target target, JobResult result) {
        return target.row().probes().contains(result.probe()) && target.files().contains(result.sha256());
    }

    private static boolean complete(JobResult result) {
        boolean complete = result.scanId() != null && result.sha256() != null && result.probe() != null
                && result.result() != null && result.result().category() != null;
        if (!complete) {
            log.warn("dropping incomplete result: scan {} sha256 {} probe {}", result.scanId(),
                    prefix(result.sha256()), result.probe());
        }
        return complete;
    }

    private static ResultView view(Stored s) {
        EngineResult e = s.engine();
        return new ResultView(e.category(), e.result(), e.engineVersion(), e.signatureVersion(), e.durationMs(),
                e.error(), s.result().cached(), e.details());
    }

    private Counted count(UUID scanId, int added, Instant now) {
        return jdbc.sql("""
                        update scan set done = done + :added,
                            status = case when done + :added >= total then 'finished' else 'running' end,
                            finished_at = case when done + :added >= total then :now else finished_at end
                        where id = :id
                        returning done, total, status, finished_at
                        """)
                .param("id", scanId)
                .param("added", added)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, row) -> new Counted(rs.getInt("done"), rs.getInt("total"),
                        ScanStatus.fromWireName(rs.getString("status")),
                        Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .single();
    }

    static String prefix(String sha256) {
        return sha256 == null ? null : sha256.substring(0, Math.min(12, sha256.length()));
    }

    private record Target(ScanRow row, Set<String> files) {
    }

    private record Stored(JobResult result, EngineResult engine) {
    }

    private record Counted(int done, int total, ScanStatus status, Instant finishedAt) {
        Progress progress() {
            return new Progress(total, done);
        }
    }
}
