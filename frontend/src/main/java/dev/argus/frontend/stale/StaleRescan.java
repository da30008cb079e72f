package dev.argus.frontend.stale;

import dev.argus.frontend.UploadProperties;
import dev.argus.frontend.scan.RescanRequest;
import dev.argus.frontend.scan.Rescans;
import dev.argus.frontend.scan.ScanService;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Role;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescans files seen within {@code seen-within-days} whose latest result of an online probe is stale (made with
 * another engine or signature version than the probe's current one, as {@code ResultReuse#stale} says), as bulk work
 * (a rescan, {@code dev.argus.frontend.priority.WorkClasses}) owned by {@code argus.rescan-stale.username} and
 * tagged {@value #TAG}, at most {@code max-files-per-hour} files per sliding hour counted from the scans it recorded, so
 * every frontend shares one budget; a transaction-scoped advisory lock keeps two frontends from picking the same
 * files. A file already in an active rescan of its own is skipped. Fresh pairs of a rescanned file are answered from
 * stored results by the one reuse rule; only the stale ones are scanned again. While an engine is backed up the
 * bulk scan is refused (503) and the files wait for the next run. Runs only with
 * {@code argus.rescan-stale.enabled=true}.
 */
@Component
@ConditionalOnProperty(name = "argus.rescan-stale.enabled", havingValue = "true")
public class StaleRescan {

    /** The tag of the scans this job records. */
    public static final String TAG = "stale-rescan";

    private static final Logger log = LoggerFactory.getLogger(StaleRescan.class);
    private static final long LOCK = 0x5354414c45L; // "STALE": one rescan run at a time across frontends

    private final JdbcClient jdbc;
    private final Rescans rescans;
    private final TransactionTemplate transactions;
    private final StaleRescanProperties properties;
    private final int maxFilesPerScan;
    private final Clock clock = Clock.systemUTC();

    StaleRescan(JdbcClient jdbc, Rescans rescans, PlatformTransactionManager transactionManager,
                StaleRescanProperties properties, UploadProperties upload) {
        this.jdbc = jdbc;
        this.rescans = rescans;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.maxFilesPerScan = upload.maxFiles();
    }

    @Scheduled(fixedDelayString = "${argus.rescan-stale.interval:5m}",
            initialDelayString = "${argus.rescan-stale.interval:5m}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("stale-result rescan failed, trying again on schedule: {}", e.toString());
        }
    }

    /** One run: returns how many files it submitted (0 when the hour's budget is spent or nothing is stale). */
    public int run() {
        Integer submitted = transactions.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class)
                    .single()) {
                return 0; // another frontend runs it now
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            long budget = properties.maxFilesPerHour() - submittedSince(now.minus(Duration.ofHours(1)));
            if (budget <= 0) {
                return 0;
            }
            if (jdbc.sql("select count(*) from app_user where username = :username")
                    .param("username", properties.username()).query(Long.class).single() == 0) {
                log.warn("stale-result rescan: no Argus user '{}' (argus.rescan-stale.username) to record it under",
                        LogSafe.text(properties.username()));
                return 0;
            }
            List<String> stale = staleFiles(now.minusDays(properties.seenWithinDays()),
                    (int) Math.min(budget, maxFilesPerScan));
            if (stale.isEmpty()) {
                return 0;
            }
            try {
                Caller owner = new Caller(properties.username(), Role.ADMIN, null);
                ScanService.Created created = rescans.rescan(new RescanRequest(stale, List.of(), false,
                        List.of(TAG), Map.of(), List.of(), null), owner);
                log.info("stale-result rescan: scan {} of {} file(s) seen within {} days (bulk; {} more allowed "
                        + "this hour)", created.id(), stale.size(), properties.seenWithinDays(),
                        budget - stale.size());
            } catch (ApiException refused) {
                log.info("stale-result rescan of {} file(s) deferred: {}", stale.size(), refused.getMessage());
                status.setRollbackOnly();
                return 0;
            }
            return stale.size();
        });
        return submitted == null ? 0 : submitted;
    }

    private long submittedSince(OffsetDateTime since) {
        return jdbc.sql("""
                        select count(*) from scan_file sf join scan s on s.id = sf.scan_id
                        where s.owner = :owner and :tag = any(s.tags) and s.created_at > :since""")
                .param("owner", properties.username()).param("tag", TAG).param("since", since)
                .query(Long.class).single();
    }

    /**
     * Files seen since then with a stale latest result of an online probe, latest seen first. The condition is
     * {@code ResultReuse#stale} in SQL: the probe says its engine version, the result names one, and the engine or
     * the signature version differs.
     */
    private List<String> staleFiles(OffsetDateTime seenSince, int limit) {
        return jdbc.sql("""
                        select f.sha256 from file f
                        where f.last_seen >= :since
                          and exists (
                            select 1 from scan_result r join probe p on p.name = r.probe
                            where r.sha256 = f.sha256 and p.online
                              and p.engine_version is not null and p.engine_version <> ''
                              and r.engine_version is not null
                              and (r.engine_version <> p.engine_version
                                   or r.signature_version is distinct from p.signature_version)
                              and r.reported_at = (select max(l.reported_at) from scan_result l
                                                   where l.sha256 = r.sha256 and l.probe = r.probe))
                          and not exists (
                            select 1 from scan s join scan_file sf on sf.scan_id = s.id
                            where sf.sha256 = f.sha256 and s.owner = :owner and :tag = any(s.tags)
                              and s.status in ('queued', 'running'))
                        order by f.last_seen desc
                        limit :limit""")
                .param("since", seenSince).param("owner", properties.username()).param("tag", TAG).param("limit", limit)
                .query(String.class).list();
    }
}
