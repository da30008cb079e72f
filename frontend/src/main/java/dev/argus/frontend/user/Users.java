package dev.argus.frontend.user;

import dev.argus.common.json.ArgusJson;
import dev.argus.frontend.audit.AuditLog;
import dev.argus.frontend.security.ApiKeyStore;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.CredentialsWithdrawn;
import dev.argus.frontend.security.Role;
import dev.argus.frontend.security.SecurityProperties;
import dev.argus.frontend.web.LogSafe;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and keys. An ADMIN manages everyone; any user may create, list and revoke its own keys. Key secrets
 * exist only in the creation response; the log names users and key ids, never a key. Every change is recorded in
 * the audit log in its own transaction; revocations publish {@link CredentialsWithdrawn} so open event streams
 * end at once.
 */
@Service
class Users {

    private static final Logger log = LoggerFactory.getLogger(Users.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_KEY_NAME = 100;
    /** The longest expiry a key may be given: ten years. */
    private static final int MAX_EXPIRY_DAYS = 3650;
    private static final String SUMMARY = """
            select u.username, u.role, u.enabled, u.created_at, u.quotas::text as quotas,
                   count(k.id) filter (where k.revoked_at is null and (k.expires_at is null or k.expires_at > now()))
                       as keys,
                   max(k.last_used_at) as last_used_at
            from app_user u left join api_key k on k.username = u.username
            """;

    private final JdbcClient jdbc;
    private final ApiKeyStore keys;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final int maxKeysPerUser;

    Users(JdbcClient jdbc, ApiKeyStore keys, AuditLog audit, ApplicationEventPublisher events,
          SecurityProperties security) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.audit = audit;
        this.events = events;
        this.maxKeysPerUser = security.maxKeysPerUser();
    }

    /** Every user, by name, with its key count and latest key use. */
    @Transactional(readOnly = true)
    List<UserRequests.UserSummary> list() {
        return jdbc.sql(SUMMARY + " group by u.username order by u.username").query(Users::summary).list();
    }

    /** One user as {@link #list} shows it. */
    Optional<UserRequests.UserSummary> find(String username) {
        return jdbc.sql(SUMMARY + " where u.username = :username group by u.username")
                .param("username", username).query(Users::summary).optional();
    }

    private static UserRequests.UserSummary summary(ResultSet rs, int row) throws SQLException {
        Map<String, Long> quotas = new LinkedHashMap<>();
        ArgusJson.mapper().readTree(rs.getString("quotas")).properties()
                .forEach(entry -> quotas.put(entry.getKey(), entry.getValue().asLong()));
        return new UserRequests.UserSummary(rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("keys"), instant(rs.getObject("last_used_at", OffsetDateTime.class)), quotas);
    }

    @Transactional
    UserRequests.UserView create(UserRequests.NewUser request, Caller by) {
        String username = request == null ? null : request.username();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid-field", "field 'username' must be 1 to 64 characters of a-z, 0-9,"
                    + " '.', '_' or '-', starting with a letter or digit");
        }
        Role role = Role.parse(request.role());
        if (role == null) {
            throw ApiException.badRequest("invalid-field", "field 'role' must be ADMIN, ANALYST or READER");
        }
        int inserted = jdbc.sql("""
                        insert into app_user (username, role, created_at) values (:username, :role, :now)
                        on conflict (username) do nothing
                        """)
                .param("username", username).param("role", role.name())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        if (inserted == 0) {
            throw ApiException.conflict("user-exists", "a user named '" + username + "' exists already");
        }
        audit.record(by, "user-created", username, "role " + role);
        log.info("user {} ({}) created by {}", username, role, by.username());
        return new UserRequests.UserView(username, role);
    }

    @Transactional
    ApiKeyStore.NewApiKey createKey(String username, UserRequests.NewKey request, Caller by) {
        requireSelfOrAdmin(username, by);
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_KEY_NAME) {
            throw ApiException.badRequest("invalid-field",
                    "field 'name' must be 1 to " + MAX_KEY_NAME + " characters without control characters");
        }
        TextRules.requireShowable("name", name);
        Instant expiresAt = expiry(request);
        lockUser(username);
        if (maxKeysPerUser > 0) {
            long active = jdbc.sql("""
                            select count(*) from api_key where username = :username and revoked_at is null
                            and (expires_at is null or expires_at > now())
                            """)
                    .param("username", username).query(Long.class).single();
            if (active >= maxKeysPerUser) {
                throw ApiException.conflict("key-limit-reached", "the user '" + username + "' has " + active
                                + " active keys, the most one user may have (argus.security.max-keys-per-user);"
                                + " revoke one first")
                        .with("maxKeys", maxKeysPerUser);
            }
        }
        ApiKeyStore.NewApiKey key = keys.create(username, name, expiresAt);
        log.info("API key {} ('{}') created for {} by {}{}", key.id(), LogSafe.text(name), username,
                by.username(), expiresAt == null ? "" : ", expiring at " + expiresAt);
        return key;
    }

    @Transactional(readOnly = true)
    List<UserRequests.KeyView> listKeys(String username, Caller by) {
        requireSelfOrAdmin(username, by);
        requireUser(username);
        return jdbc.sql("""
                        select id, name, created_at, last_used_at, expires_at from api_key
                        where username = :username and revoked_at is null order by created_at, id
                        """)
                .param("username", username)
                .query((rs, row) -> new UserRequests.KeyView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class))))
                .list();
    }

    /** Revokes the key; 404 when unknown, already revoked, or another user's key and the caller no ADMIN. */
    @Transactional
    void revoke(UUID id, Caller by) {
        Optional<String> owner = jdbc.sql("""
                        update api_key set revoked_at = :now
                        where id = :id and revoked_at is null and (:admin or username = :username)
                        returning username
                        """)
                .param("now", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .param("id", id).param("admin", by.isAdmin()).param("username", by.username())
                .query(String.class).optional();
        if (owner.isEmpty()) {
            throw ApiException.notFound("key-not-found", "no active API key with id " + id);
        }
        audit.record(by, "key-revoked", owner.get(), "key " + id);
        events.publishEvent(new CredentialsWithdrawn(owner.get()));
        log.info("API key {} of {} revoked by {}", id, owner.get(), by.username());
    }

    /**
     * Revokes every active key of the user (the user itself or an ADMIN); its sessions and event streams end too.
     *
     * @return how many keys were revoked
     */
    @Transactional
    int revokeAll(String username, Caller by) {
        requireSelfOrAdmin(username, by);
        requireUser(username);
        int revoked = jdbc.sql("update api_key set revoked_at = :now where username = :username and revoked_at is null")
                .param("now", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .param("username", username).update();
        audit.record(by, "keys-revoked", username, revoked + " keys");
        events.publishEvent(new CredentialsWithdrawn(username));
        log.info("all {} API keys of {} revoked by {}", revoked, username, by.username());
        return revoked;
    }

    /** The expiry a new key asks for: {@code expiresAt} or {@code expiresInDays}, not both; null for none. */
    private static Instant expiry(UserRequests.NewKey request) {
        if (request.expiresAt() != null && request.expiresInDays() != null) {
            throw ApiException.badRequest("invalid-field", "give 'expiresAt' or 'expiresInDays', not both");
        }
        Instant now = Instant.now();
        Instant latest = now.plus(Duration.ofDays(MAX_EXPIRY_DAYS));
        if (request.expiresInDays() != null) {
            int days = request.expiresInDays();
            if (days < 1 || days > MAX_EXPIRY_DAYS) {
                throw ApiException.badRequest("invalid-field",
                        "field 'expiresInDays' must be 1 to " + MAX_EXPIRY_DAYS);
            }
            return now.plus(Duration.ofDays(days));
        }
        Instant at = request.expiresAt();
        if (at != null && (!at.isAfter(now) || at.isAfter(latest))) {
            throw ApiException.badRequest("invalid-field", "field 'expiresAt' must be in the future and at most "
                    + MAX_EXPIRY_DAYS + " days away");
        }
        return at;
    }

    /** Locks the user's row for the rest of the transaction; 404 when there is no such user. */
    void lockUser(String username) {
        jdbc.sql("select username from app_user where username = :username for update")
                .param("username", username).query(String.class).optional()
                .orElseThrow(() -> userNotFound(username));
    }

    static ApiException userNotFound(String username) {
        return ApiException.notFound("user-not-found", "no user named '" + username + "'");
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static void requireSelfOrAdmin(String username, Caller by) {
        if (!by.isAdmin() && !by.username().equals(username)) {
            throw ApiException.forbidden("forbidden", "only an ADMIN may manage the keys of another user");
        }
    }

    private void requireUser(String username) {
        boolean exists = jdbc.sql("select count(*) from app_user where username = :username")
                .param("username", username).query(Long.class).single() > 0;
        if (!exists) {
            throw userNotFound(username);
        }
    }
}
