package dev.argus.frontend.retention;

import dev.argus.frontend.audit.AuditLog;
import dev.argus.frontend.web.ApiException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention ({@code argus.retention.*}): every {@code interval} (and on an admin's {@code POST
 * /api/v1/admin/retention/run}) deletes the files not seen within {@code files-unseen-for} as
 * {@link FileDeletion} does (only files not found inside another file: those go with their archive), the
 * finished, cancelled and failed scans created before {@code scans-older-than} with their results, and, with
 * {@code orphan-sweep}, the store files no row references ({@link OrphanSweep}). Files on legal hold, and scans that
 * hold one, are skipped. Each run is logged at INFO and audited as {@code retention-run} with what it removed.
 *
 * <p>One run at a time in this frontend; runs of several frontends at once are safe (files are locked before they
 * are deleted, scans are taken with {@code SKIP LOCKED}, orphans are checked again before they go) but do the same
 * work twice.
 */
@Component
public class RetentionJob implements SchedulingConfigurer {

    /** The audit action of a run. */
    public static final String AUDIT_ACTION = "retention-run";
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionProperties properties;
    private final FileDeletion deletion;
    private final OrphanSweep orphans;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ReentrantLock running = new ReentrantLock();

    RetentionJob(RetentionProperties properties, FileDeletion deletion, OrphanSweep orphans, JdbcClient jdbc,
                 TransactionTemplate transactions, AuditLog audit) {
        this.properties = properties;
        this.deletion = deletion;
        this.orphans = orphans;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::scheduled, properties.interval(),
                    properties.interval()));
        }
    }

    private void scheduled() {
        try {
            run(AuditLog.SYSTEM);
        } catch (RuntimeException e) {
            log.error("Retention failed, trying again in {}: {}", properties.interval(), e.toString());
        }
    }

    /** Runs retention now as the given actor (a username or {@link AuditLog#SYSTEM}); 409 while a run is going. */
    public RetentionRun run(String actor) {
        if (!running.tryLock()) {
            throw ApiException.conflict("retention-running", "retention is running already");
        }
        try {
            Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Tally tally = new Tally();
            expireFiles(started, tally);
            expireScans(started, tally);
            OrphanSweep.Swept swept = properties.orphanSweep()
                    ? orphans.sweepAll(started.minus(properties.orphanGrace())) : new OrphanSweep.Swept(0, 0);
            RetentionRun run = new RetentionRun(started, actor, tally.files, tally.fileBytes, tally.scans,
                    tally.results, swept.files(), swept.bytes());
            audit.record(actor, AUDIT_ACTION, "retention", run.describe());
            log.info("Retention removed {}", run.describe());
            return run;
        } finally {
            running.unlock();
        }
    }

    private void expireFiles(Instant now, Tally tally) {
        Duration age = properties.filesUnseenFor();
        if (age == null) {
            return;
        }
        int deletedInBatch;
        List<String> batch;
        do {
            batch = jdbc.sql("""
                            select sha256 from file f where last_seen < :cutoff
                            and not exists (select 1 from legal_hold h where h.sha256 = f.sha256)
                            and not exists (select 1 from file_member m where m.child = f.sha256)
                            order by last_seen limit :limit""")
                    .param("cutoff", Timestamp.from(now.minus(age)))
                    .param("limit", properties.batchSize())
                    .query(String.class).list();
            deletedInBatch = 0;
            for (String sha256 : batch) {
                FileDeletion.Deleted deleted = deletion.expire(sha256);
                deletedInBatch += deleted.files().size();
                tally.files += deleted.files().size();
                tally.fileBytes += deleted.bytes();
                tally.scans += deleted.scansEmptied();
            }
        } while (batch.size() == properties.batchSize() && deletedInBatch > 0);
    }

    private void expireScans(Instant now, Tally tally) {
        Duration age = properties.scansOlderThan();
        if (age == null) {
            return;
        }
        int taken;
        do {
            taken = transactions.execute(status -> {
                UUID[] ids = jdbc.sql("""
                                select id from scan s where created_at < :cutoff
                                and status in ('finished', 'cancelled', 'error')
                                and not exists (select 1 from scan_file f join legal_hold h on h.sha256 = f.sha256
                                                where f.scan_id = s.id)
                                order by created_at limit :limit for update skip locked""")
                        .param("cutoff", Timestamp.from(now.minus(age)))
                        .param("limit", properties.batchSize())
                        .query(UUID.class).list().toArray(UUID[]::new);
                if (ids.length > 0) {
                    tally.results += jdbc.sql("select count(*) from scan_result where scan_id = any(:ids)")
                            .param("ids", ids).query(Integer.class).single();
                    tally.scans += jdbc.sql("delete from scan where id = any(:ids)").param("ids", ids).update();
                }
                return ids.length;
            });
        } while (taken == properties.batchSize());
    }

    /** What a run removed so far (one thread: the run's). */
    private static final class Tally {
        int files;
        long fileBytes;
        int scans;
        int results;
    }

    /** The settings in force. */
    RetentionProperties properties() {
        return properties;
    }
}
