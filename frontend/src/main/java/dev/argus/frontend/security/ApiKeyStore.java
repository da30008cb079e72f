package dev.argus.frontend.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API keys in PostgreSQL, looked up by the SHA-256 of the presented key on every request. Nothing is cached, so
 * a revoked key stops working at once. {@code last_used_at} is written at most once per {@link #TOUCH_INTERVAL}
 * per key and process, so a busy key does not cost a database write per request.
 */
@Component
public class ApiKeyStore {

    /** How stale {@code last_used_at} may get. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    static final String UNKNOWN = "the API key is unknown or revoked";

    private final JdbcClient jdbc;
    private final Map<UUID, Instant> touched = new ConcurrentHashMap<>();

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Longer values are not keys; they are refused without a database lookup. */
    static final int MAX_KEY_LENGTH = 512;

    /** The caller owning this active key, or empty for an unknown, revoked, expired, disabled, blank or oversized key. */
    public Optional<Caller> authenticate(String key) {
        return Optional.ofNullable(check(key).caller());
    }

    /**
     * Checks a presented key: the caller when the key is active (not revoked, not expired) and its user enabled,
     * else why it is refused, in words a client can act on.
     */
    public KeyCheck check(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return KeyCheck.refused(UNKNOWN);
        }
        return jdbc.sql("""
                        select k.id, u.username, u.role, u.enabled, k.expires_at
                        from api_key k join app_user u on u.username = k.username
                        where k.key_hash = :hash and k.revoked_at is null
                        """)
                .param("hash", ApiKeySecrets.hash(key.strip()))
                .query(ApiKeyStore::checked)
                .optional()
                .orElse(KeyCheck.refused(UNKNOWN));
    }

    /**
     * The caller of a still active key whose user is still enabled (a web session re-checks its key on every
     * request, an event stream periodically).
     */
    public Optional<Caller> active(UUID keyId) {
        return jdbc.sql("""
                        select k.id, u.username, u.role, u.enabled, k.expires_at
                        from api_key k join app_user u on u.username = k.username
                        where k.id = :id and k.revoked_at is null
                        """)
                .param("id", keyId)
                .query(ApiKeyStore::checked)
                .optional()
                .map(KeyCheck::caller);
    }

    /** The rule for a stored, unrevoked key: refused when its user is disabled or it has expired. */
    private static KeyCheck checked(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String username = rs.getString("username");
        if (!rs.getBoolean("enabled")) {
            return KeyCheck.refused("the user '" + username + "' is disabled");
        }
        OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
        if (expiresAt != null && !expiresAt.toInstant().isAfter(Instant.now())) {
            return KeyCheck.refused("the API key expired at " + expiresAt.toInstant());
        }
        return new KeyCheck(new Caller(username, Role.valueOf(rs.getString("role")), rs.getObject("id", UUID.class)),
                null);
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param caller  the authenticated caller, or null when refused
     * @param refusal why the key is refused (unknown or revoked, expired, user disabled), or null
     */
    public record KeyCheck(Caller caller, String refusal) {
        static KeyCheck refused(String why) {
            return new KeyCheck(null, why);
        }
    }

    /** Records that the key was used, unless this process did so less than a minute ago. */
    public void touch(UUID keyId) {
        Instant now = Instant.now();
        boolean[] due = {false};
        touched.compute(keyId, (id, last) -> {
            if (last == null || last.plus(TOUCH_INTERVAL).isBefore(now)) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (due[0]) {
            jdbc.sql("""
                            update api_key set last_used_at = :now
                            where id = :id and (last_used_at is null or last_used_at < :now - interval '1 minute')
                            """)
                    .param("now", timestamp(now))
                    .param("id", keyId)
                    .update();
        }
    }

    /** Creates a key for the user and returns it with its secret, which is not stored and cannot be shown again. */
    public NewApiKey create(String username, String name, Instant expiresAt) {
        String secret = ApiKeySecrets.generate();
        return insert(username, name, secret, expiresAt);
    }

    /** Stores a key whose secret the operator chose (the bootstrap key). */
    NewApiKey insert(String username, String name, String secret, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into api_key (id, username, name, key_hash, created_at, expires_at)
                        values (:id, :username, :name, :hash, :now, :expiresAt)
                        """)
                .param("id", id)
                .param("username", username)
                .param("name", name)
                .param("hash", ApiKeySecrets.hash(secret))
                .param("now", timestamp(now))
                .param("expiresAt", expiresAt == null ? null : timestamp(expiresAt))
                .update();
        return new NewApiKey(id, name, secret, now, expiresAt);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * A key just created.
     *
     * @param id        its id (for listing and revoking)
     * @param name      the owner's label for it
     * @param key       the secret, shown only in the creation response
     * @param createdAt when it was created
     * @param expiresAt when it stops working, or null for never
     */
    public record NewApiKey(UUID id, String name, String key, Instant createdAt, Instant expiresAt) {
    }
}
