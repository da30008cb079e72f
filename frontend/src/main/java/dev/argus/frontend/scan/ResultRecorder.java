package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ResultReported;
import dev.argus.common.message.ScanDispatched;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the brain's events to scans, idempotently: a result is stored once per (scan, file, probe) and only
 * a newly stored one advances the scan's progress, by an atomic {@code done = done + 1}; the scan finishes when
 * {@code done == total}. The scan row is locked for the transaction, so a concurrent cancel is ordered with it.
 */
@Service
public class ResultRecorder {

    private static final Logger log = LoggerFactory.getLogger(ResultRecorder.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ResultRecorder(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Stores a result unless it is a repeat or its scan is unknown, finished or cancelled (then logged and dropped). */
    @Transactional
    public void record(ResultReported message) {
        record(message, true);
    }

    /**
     * Stores a result like {@link #record(ResultReported)}, except that with {@code lastChance} false a result of
     * a scan not visible yet is not dropped but fails with {@link ScanNotVisibleException}, to be tried again: the
     * frontend publishes {@code ScanRequested} inside the transaction that inserts the scan, so on a fast
     * pipeline the result can arrive before that transaction is committed.
     */
    @Transactional
    public void record(ResultReported message, boolean lastChance) {
        String prefix = prefix(message.sha256());
        EngineResult result = message.result();
        if (message.scanId() == null || message.sha256() == null || message.probe() == null || result == null
                || result.category() == null) {
            log.warn("dropping incomplete result: scan {} sha256 {} probe {}", message.scanId(), prefix,
                    message.probe());
            return;
        }
        Optional<ScanRow> locked = ScanRow.lock(jdbc, message.scanId());
        if (locked.isEmpty() && !lastChance) {
            throw new ScanNotVisibleException(message.scanId());
        }
        if (locked.isEmpty()) {
            log.info("dropping result for unknown scan {} sha256 {} probe {}", message.scanId(), prefix,
                    message.probe());
            return;
        }
        ScanRow scan = locked.get();
        if (!scan.status().isActive()) {
            log.info("dropping result for {} scan {} sha256 {} probe {}", scan.status().wireName(), scan.id(),
                    prefix, message.probe());
            return;
        }
        if (!scan.probes().contains(message.probe()) || !hasFile(scan.id(), message.sha256())) {
            log.warn("dropping result that is not part of scan {}: sha256 {} probe {}", scan.id(), prefix,
                    message.probe());
            return;
        }
        Instant reportedAt = (message.at() == null ? Instant.now() : message.at()).truncatedTo(ChronoUnit.MICROS);
        int inserted = new ResultRow(scan.id(), message.sha256(), message.probe(), result.category().wireName(),
                result.result(), result.engineVersion(), result.signatureVersion(), result.durationMs(),
                result.error(), message.cached(), ArgusJson.mapper().writeValueAsString(result.details()),
                reportedAt).insert(jdbc);
        if (inserted == 0) {
            log.info("ignoring repeated result for scan {} sha256 {} probe {}", scan.id(), prefix, message.probe());
            return;
        }
        Counted counted = count(scan.id());
        ResultView view = new ResultView(result.category(), result.result(), result.engineVersion(),
                result.signatureVersion(), result.durationMs(), result.error(), message.cached(),
                result.details() == null ? Map.of() : result.details());
        events.publishEvent(new ResultRecorded(scan.id(), message.sha256(), message.probe(), view, counted.progress()));
        log.debug("scan {} sha256 {} probe {}: {}{} ({}/{})", scan.id(), prefix, message.probe(),
                result.category().wireName(), message.cached() ? " (cached)" : "", counted.done(), counted.total());
        if (counted.status() != scan.status()) {
            events.publishEvent(new ScanStatusChanged(scan.id(), counted.status(), counted.progress(),
                    counted.finishedAt()));
            if (counted.status() == ScanStatus.FINISHED) {
                log.info("scan {} finished: {} results", scan.id(), counted.total());
            }
        }
    }

    /** Moves a queued scan to running; anything else (already running, finished, unknown) is left alone. */
    @Transactional
    public void markRunning(ScanDispatched message) {
        Optional<Progress> running = jdbc.sql("""
                        update scan set status = 'running' where id = :id and status = 'queued'
                        returning total, done
                        """)
                .param("id", message.scanId())
                .query((rs, row) -> new Progress(rs.getInt("total"), rs.getInt("done")))
                .optional();
        if (running.isPresent()) {
            events.publishEvent(new ScanStatusChanged(message.scanId(), ScanStatus.RUNNING, running.get(), null));
            log.debug("scan {} running: {} jobs sent, {} answered at once", message.scanId(), message.jobsSent(),
                    message.resolvedNow());
        } else {
            log.debug("scan {} dispatched; it is not queued (unknown or already further)", message.scanId());
        }
    }

    private boolean hasFile(UUID scanId, String sha256) {
        return jdbc.sql("select count(*) from scan_file where scan_id = :id and sha256 = :sha256")
                .param("id", scanId)
                .param("sha256", sha256)
                .query(Integer.class)
                .single() > 0;
    }

    private Counted count(UUID scanId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return jdbc.sql("""
                        update scan set done = done + 1,
                            status = case when done + 1 >= total then 'finished' else 'running' end,
                            finished_at = case when done + 1 >= total then :now else finished_at end
                        where id = :id
                        returning done, total, status, finished_at
                        """)
                .param("id", scanId)
                .param("now", now)
                .query((rs, row) -> new Counted(rs.getInt("done"), rs.getInt("total"),
                        ScanStatus.fromWireName(rs.getString("status")),
                        Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .single();
    }

    private static String prefix(String sha256) {
        return sha256 == null ? null : sha256.substring(0, Math.min(12, sha256.length()));
    }

    private record Counted(int done, int total, ScanStatus status, Instant finishedAt) {
        Progress progress() {
            return new Progress(total, done);
        }
    }
}
