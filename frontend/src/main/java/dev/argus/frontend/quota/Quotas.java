package dev.argus.frontend.quota;

import dev.argus.common.json.ArgusJson;
import dev.argus.frontend.FrontendProperties;
import dev.argus.frontend.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The per-user quotas, one place for the rule: a user's limits are {@code argus.quota.*} with the user's own
 * overrides ({@code app_user.quotas}). Scans are counted in PostgreSQL, in the scan's own transaction, so the
 * counts hold across every frontend and a refused scan counts nothing: the user's row is locked, its unfinished
 * scans counted and its usage row of the UTC day incremented; a limit passed throws a 429 that rolls it all back.
 */
@Component
public class Quotas {

    private final JdbcClient jdbc;
    private final QuotaProperties defaults;
    private final Duration retryAfter;
    private final Clock clock;

    Quotas(JdbcClient jdbc, QuotaProperties defaults, FrontendProperties frontend) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.retryAfter = frontend.retryAfter();
        this.clock = Clock.systemUTC();
    }

    /** The user's overridable limits: the defaults with its own values (0 = unlimited). */
    public Map<Limit, Long> limits(String username) {
        String overrides = jdbc.sql("select quotas::text from app_user where username = :username")
                .param("username", username).query(String.class).optional().orElse("{}");
        return merged(overrides);
    }

    /** The user's value of one limit (0 = unlimited). */
    public long limit(String username, Limit limit) {
        return limits(username).get(limit);
    }

    /**
     * Before an upload is stored: refuses it when its bytes would pass the user's bytes of the day. Counts
     * nothing ({@link #chargeScan} does, in the scan's transaction).
     *
     * @throws ApiException 429 {@code quota-exceeded} with {@code limit: bytes-per-day}
     */
    public void checkUpload(String owner, long bytes) {
        long max = limit(owner, Limit.BYTES_PER_DAY);
        if (max <= 0) {
            return;
        }
        long used = jdbc.sql("select coalesce(max(bytes), 0) from user_usage where username = :username and day = :day")
                .param("username", owner).param("day", today()).query(Long.class).single();
        if (used + bytes > max) {
            throw bytesExceeded(max, used);
        }
    }

    /**
     * Counts one scan of {@code bytes} for the owner, inside the scan's transaction (which must exist).
     *
     * @throws ApiException 429 {@code quota-exceeded} naming {@code concurrent-scans}, {@code scans-per-day} or
     *                      {@code bytes-per-day}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void chargeScan(String owner, long bytes) {
        String overrides = jdbc.sql("select quotas::text from app_user where username = :username for update")
                .param("username", owner).query(String.class).optional().orElse(null);
        if (overrides == null) {
            return; // no such user: the scan's own insert fails on its foreign key
        }
        Map<Limit, Long> limits = merged(overrides);
        long concurrent = limits.get(Limit.CONCURRENT_SCANS);
        if (concurrent > 0) {
            long active = jdbc.sql("select count(*) from scan where owner = :owner and status in ('queued', 'running')")
                    .param("owner", owner).query(Long.class).single();
            if (active >= concurrent) {
                throw QuotaProblem.exceeded(Limit.CONCURRENT_SCANS, concurrent, null, retryAfter, "the user has "
                        + active + " unfinished scans, the most it may have at once is " + concurrent
                        + "; submit again when one has ended");
            }
        }
        Map<String, Object> usage = jdbc.sql("""
                        insert into user_usage (username, day, scans, bytes) values (:username, :day, 1, :bytes)
                        on conflict (username, day)
                        do update set scans = user_usage.scans + 1, bytes = user_usage.bytes + :bytes
                        returning scans, bytes
                        """)
                .param("username", owner).param("day", today()).param("bytes", bytes)
                .query().singleRow();
        long scans = ((Number) usage.get("scans")).longValue();
        long used = ((Number) usage.get("bytes")).longValue();
        long maxScans = limits.get(Limit.SCANS_PER_DAY);
        if (maxScans > 0 && scans > maxScans) {
            throw QuotaProblem.exceeded(Limit.SCANS_PER_DAY, maxScans, resetsAt(), untilReset(),
                    "the user submitted its " + maxScans + " scans of the day (UTC); the count starts again at "
                            + resetsAt());
        }
        long maxBytes = limits.get(Limit.BYTES_PER_DAY);
        if (maxBytes > 0 && used > maxBytes) {
            throw bytesExceeded(maxBytes, used - bytes);
        }
    }

    /**
     * Refuses one more event stream when the user holds {@code open} already.
     *
     * @throws ApiException 429 {@code quota-exceeded} with {@code limit: event-streams}
     */
    public void checkEventStreams(String username, long open) {
        long max = limit(username, Limit.EVENT_STREAMS);
        if (max > 0 && open >= max) {
            throw QuotaProblem.exceeded(Limit.EVENT_STREAMS, max, null, retryAfter, "the user holds " + open
                    + " open event streams, the most it may hold at once on this frontend is " + max
                    + "; close one first");
        }
    }

    private ApiException bytesExceeded(long max, long used) {
        return QuotaProblem.exceeded(Limit.BYTES_PER_DAY, max, resetsAt(), untilReset(), "the scan's files would"
                + " pass the user's " + max + " bytes of the day (UTC), " + used + " of which are used; the count"
                + " starts again at " + resetsAt());
    }

    private Map<Limit, Long> merged(String overridesJson) {
        JsonNode overrides = ArgusJson.mapper().readTree(overridesJson);
        Map<Limit, Long> limits = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            if (limit.overridable()) {
                JsonNode own = overrides.get(limit.key());
                limits.put(limit, own != null && own.isNumber() ? own.asLong() : defaults.defaultOf(limit));
            }
        }
        return limits;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The next UTC midnight, when the day's counts start again. */
    private Instant resetsAt() {
        return today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private Duration untilReset() {
        return Duration.between(clock.instant(), resetsAt()).plusSeconds(1);
    }
}
