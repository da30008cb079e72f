package dev.argus.frontend.webhook;

import dev.argus.frontend.web.LogSafe;
import dev.argus.frontend.scan.ScanOptions;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.ApiException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' webhook subscriptions and callback signing secrets. A URL is checked like a scan's callback (form, then the
 * {@link OutboundRule}); secrets are generated here, returned once by the create calls and never logged.
 */
@Service
class Subscriptions {

    /** The events a subscription may ask for, one per final scan status. */
    static final List<String> EVENTS = List.of("scan.finished", "scan.cancelled");
    static final int MAX_DESCRIPTION_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final JdbcClient jdbc;
    private final OutboundRule outbound;
    private final WebhookProperties properties;

    Subscriptions(JdbcClient jdbc, OutboundRule outbound, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.outbound = outbound;
        this.properties = properties;
    }

    /**
     * Records a subscription of the caller's scans.
     *
     * @throws ApiException 400 naming the unfit field, 409 {@code too-many-webhooks} past the per-user limit
     */
    @Transactional
    Subscription.Created create(WebhookRequest request, Caller caller) {
        String url = ScanOptions.outboundUrl(request.url(), "url");
        if (url == null) {
            throw ApiException.badRequest("invalid-field", "field 'url' is required");
        }
        checkOutbound(url, "url");
        String description = description(request.description());
        List<String> events = events(request.events());
        jdbc.sql("select username from app_user where username = :owner for update")
                .param("owner", caller.username()).query(String.class).optional(); // one count at a time per user
        long held = jdbc.sql("select count(*) from webhook_subscription where owner = :owner")
                .param("owner", caller.username()).query(Long.class).single();
        if (held >= properties.maxSubscriptions()) {
            throw ApiException.conflict("too-many-webhooks", "a user may hold at most " + properties.maxSubscriptions()
                    + " webhook subscriptions; delete one first");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Subscription subscription = new Subscription(UUID.randomUUID(), caller.username(), url, description, events,
                now);
        String secret = Signatures.newSecret();
        jdbc.sql("""
                        insert into webhook_subscription (id, owner, url, description, events, secret, created_at)
                        values (:id, :owner, :url, :description, :events, :secret, :createdAt)""")
                .param("id", subscription.id())
                .param("owner", subscription.owner())
                .param("url", url)
                .param("description", description)
                .param("events", events.toArray(String[]::new))
                .param("secret", secret)
                .param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        log.info("webhook subscription {} created for {}: {}", subscription.id(), caller.username(), LogSafe.text(url));
        return Subscription.Created.of(subscription, secret);
    }

    /** The subscriptions of one user, or of everyone for null; oldest first. */
    List<Subscription> list(String owner) {
        return jdbc.sql("select id, owner, url, description, events, created_at from webhook_subscription"
                        + " where (cast(:owner as varchar) is null or owner = :owner) order by created_at, id")
                .param("owner", owner)
                .query(Subscriptions::subscription)
                .list();
    }

    /**
     * Deletes a subscription of the caller (an admin's: anyone's); its pending deliveries still go out, its past
     * ones stay visible.
     *
     * @throws ApiException 404 when there is none the caller may delete
     */
    @Transactional
    void delete(UUID id, Caller caller) {
        int deleted = jdbc.sql("delete from webhook_subscription where id = :id"
                        + " and (cast(:owner as varchar) is null or owner = :owner)")
                .param("id", id)
                .param("owner", caller.ownerFilter())
                .update();
        if (deleted == 0) {
            throw ApiException.notFound("webhook-not-found", "no webhook subscription with id " + id);
        }
        log.info("webhook subscription {} deleted by {}", id, caller.username());
    }

    /** Creates or replaces the caller's callback signing secret and returns it, this once. */
    @Transactional
    CallbackSecret newCallbackSecret(Caller caller) {
        String secret = Signatures.newSecret();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into webhook_callback_secret (owner, secret, created_at) values (:owner, :secret, :now)
                        on conflict (owner) do update set secret = excluded.secret, created_at = excluded.created_at""")
                .param("owner", caller.username())
                .param("secret", secret)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        log.info("callback signing secret (re)created for {}", caller.username());
        return new CallbackSecret(secret, now);
    }

    boolean hasCallbackSecret(String owner) {
        return jdbc.sql("select count(*) from webhook_callback_secret where owner = :owner")
                .param("owner", owner).query(Long.class).single() > 0;
    }

    /**
     * A user's new callback signing secret, shown once.
     *
     * @param secret    the HMAC key of the deliveries to the callback URLs of the user's scans
     * @param createdAt when it replaced the previous one
     */
    record CallbackSecret(String secret, Instant createdAt) {
        @Override
        public String toString() {
            return "CallbackSecret[createdAt=" + createdAt + "]";
        }
    }

    void checkOutbound(String url, String field) {
        try {
            outbound.permittedAddresses(URI.create(url));
        } catch (OutboundRule.Refused e) {
            throw ApiException.badRequest("invalid-field", "field '" + field + "': " + e.getMessage());
        }
    }

    private static String description(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String description = raw.strip();
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.badRequest("invalid-field",
                    "field 'description': at most " + MAX_DESCRIPTION_LENGTH + " characters are allowed");
        }
        if (description.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid-field", "field 'description' may not contain control characters");
        }
        return description;
    }

    private static List<String> events(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return EVENTS;
        }
        Set<String> events = new LinkedHashSet<>();
        for (String event : raw) {
            if (event == null || !EVENTS.contains(event)) {
                throw ApiException.badRequest("invalid-field", "field 'events': each must be one of "
                        + String.join(", ", EVENTS));
            }
            events.add(event);
        }
        return List.copyOf(events);
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("url"),
                rs.getString("description"), Arrays.asList((String[]) rs.getArray("events").getArray()),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
