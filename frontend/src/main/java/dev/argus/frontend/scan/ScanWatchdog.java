package dev.argus.frontend.scan;

import dev.argus.common.message.ScanProgressed;
import dev.argus.frontend.FrontendProperties;
import dev.argus.frontend.messaging.FrontendInstance;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.Routes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No scan stays active forever: every {@code argus.frontend.watchdog-interval}, a scan still queued or running past
 * its deadline plus the grace period ({@code scan-deadline} + {@code scan-grace} after its upload) is finished, with
 * every (file, probe) pair that never came back stored as {@code timeout} "no result before the scan's deadline".
 * That covers what the brain's own deadlines cannot: a brain gone for good, a message dropped. Scans are locked with
 * {@code SKIP LOCKED}, so several frontends can run it at once. Batches of 100, each one transaction.
 */
@Component
class ScanWatchdog implements SchedulingConfigurer {

    static final String TIMEOUT_ERROR = "no result before the scan's deadline";
    private static final Logger log = LoggerFactory.getLogger(ScanWatchdog.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final MessagePublisher publisher;
    private final FrontendInstance instance;
    private final FrontendProperties properties;

    ScanWatchdog(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                 MessagePublisher publisher, FrontendInstance instance, FrontendProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.publisher = publisher;
        this.instance = instance;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.watchdogInterval());
    }

    /** Finishes every overdue scan; failures are logged and tried again at the next tick. */
    void sweep() {
        try {
            List<ScanProgressed.StatusChange> finished;
            do {
                finished = transactions.execute(status -> finishBatch());
                if (finished != null && !finished.isEmpty()) {
                    publisher.publishTransient(Routes.live(new ScanProgressed(instance.id(), List.of(), finished)));
                }
            } while (finished != null && finished.size() == BATCH);
        } catch (RuntimeException e) {
            log.error("Scan watchdog failed, trying again in {}: {}", properties.watchdogInterval(), e.toString());
        }
    }

    private List<ScanProgressed.StatusChange> finishBatch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Duration overdue = properties.scanDeadline().plus(properties.scanGrace());
        List<UUID> scans = jdbc.sql("""
                        select id from scan where status in ('queued', 'running') and created_at < :cutoff
                        order by created_at limit :limit for update skip locked""")
                .param("cutoff", timestamp(now.minus(overdue)))
                .param("limit", BATCH)
                .query(UUID.class)
                .list();
        return scans.stream().map(id -> finish(id, now)).toList();
    }

    private ScanProgressed.StatusChange finish(UUID scanId, Instant now) {
        int timedOut = jdbc.sql("""
                        insert into scan_result (scan_id, sha256, probe, category, result, engine_version,
                                                 signature_version, duration_ms, error, cached, details, reported_at)
                        select f.scan_id, f.sha256, p.probe, 'timeout', null, null, null, 0, :error, false,
                               '{}'::jsonb, :now
                        from scan s join scan_file f on f.scan_id = s.id cross join unnest(s.probes) as p(probe)
                        where s.id = :id
                        on conflict do nothing""")
                .param("error", TIMEOUT_ERROR)
                .param("now", timestamp(now))
                .param("id", scanId)
                .update();
        int total = jdbc.sql("""
                        update scan set done = total, status = 'finished', finished_at = :now where id = :id
                        returning total""")
                .param("now", timestamp(now))
                .param("id", scanId)
                .query(Integer.class)
                .single();
        log.warn("scan {} finished by the watchdog past its deadline: {} of {} result(s) never came back, stored as"
                + " timeout", scanId, timedOut, total);
        events.publishEvent(new ScanFinished(scanId, ScanStatus.FINISHED, now));
        events.publishEvent(new ScanStatusChanged(scanId, ScanStatus.FINISHED, new Progress(total, total), now));
        return new ScanProgressed.StatusChange(scanId, ScanStatus.FINISHED.wireName(), total, total, now);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
