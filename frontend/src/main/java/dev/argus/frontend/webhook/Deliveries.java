package dev.argus.frontend.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook outbox: claims due deliveries and records what became of each attempt. A claim is one statement:
 * the due rows are locked with {@code FOR UPDATE SKIP LOCKED}, their attempt counted and their next attempt moved
 * past the end of this one (a lease), so a concurrent dispatcher skips them while locked and does not find them due
 * afterwards; an outcome is recorded only for the attempt that was claimed.
 */
@Repository
class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A claimed attempt.
     *
     * @param attempt the number of this attempt, 1 for the first
     */
    record Claim(UUID id, UUID scanId, String owner, UUID subscriptionId, String kind, String url, String event,
                 int attempt, Instant deadline) {
    }

    /** Claims at most {@code limit} deliveries due at {@code now}, leased until {@code leaseEnd}. */
    List<Claim> claim(Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                        update webhook_delivery d
                        set attempts = d.attempts + 1, last_attempt_at = :now, next_attempt_at = :leaseEnd
                        from (select id from webhook_delivery
                              where status = 'pending' and next_attempt_at <= :now
                              order by next_attempt_at limit :limit for update skip locked) due
                        where d.id = due.id
                        returning d.id, d.scan_id, d.owner, d.subscription_id, d.kind, d.url, d.event, d.attempts,
                                  d.deadline_at""")
                .param("now", timestamp(now))
                .param("leaseEnd", timestamp(leaseEnd))
                .param("limit", limit)
                .query((rs, row) -> new Claim(rs.getObject("id", UUID.class), rs.getObject("scan_id", UUID.class),
                        rs.getString("owner"), rs.getObject("subscription_id", UUID.class), rs.getString("kind"),
                        rs.getString("url"), rs.getString("event"), rs.getInt("attempts"),
                        instant(rs, "deadline_at")))
                .list();
    }

    /** The key that signs this delivery, empty when it is gone (subscription deleted, no callback secret). */
    Optional<String> secret(Claim claim) {
        if (claim.kind().equals("callback")) {
            return jdbc.sql("select secret from webhook_callback_secret where owner = :owner")
                    .param("owner", claim.owner()).query(String.class).optional();
        }
        if (claim.subscriptionId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select secret from webhook_subscription where id = :id")
                .param("id", claim.subscriptionId()).query(String.class).optional();
    }

    void delivered(Claim claim, int status, Instant at) {
        jdbc.sql("""
                        update webhook_delivery set status = 'delivered', last_status = :status, last_error = null,
                            delivered_at = :at, next_attempt_at = null
                        where id = :id and attempts = :attempt""")
                .param("status", status).param("at", timestamp(at))
                .param("id", claim.id()).param("attempt", claim.attempt())
                .update();
    }

    /** Records a failed attempt: pending again at {@code next}, or failed for good when {@code next} is null. */
    void attemptFailed(Claim claim, Integer status, String error, Instant next) {
        jdbc.sql("""
                        update webhook_delivery set status = :state, last_status = :status, last_error = :error,
                            next_attempt_at = :next
                        where id = :id and attempts = :attempt""")
                .param("state", next == null ? "failed" : "pending")
                .param("status", status)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", next == null ? null : timestamp(next))
                .param("id", claim.id()).param("attempt", claim.attempt())
                .update();
    }

    /** The deliveries of a scan, oldest first. */
    List<DeliveryView> ofScan(UUID scanId) {
        return jdbc.sql("""
                        select id, kind, subscription_id, url, event, status, attempts, last_status, last_error,
                               created_at, last_attempt_at, next_attempt_at, delivered_at, deadline_at
                        from webhook_delivery where scan_id = :id order by created_at, kind, url, id""")
                .param("id", scanId)
                .query((rs, row) -> new DeliveryView(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getObject("subscription_id", UUID.class), rs.getString("url"), rs.getString("event"),
                        rs.getString("status"), rs.getInt("attempts"), (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "last_attempt_at"),
                        rs.getString("status").equals("pending") ? instant(rs, "next_attempt_at") : null,
                        instant(rs, "delivered_at"), instant(rs, "deadline_at")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
