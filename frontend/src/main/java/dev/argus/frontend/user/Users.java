package dev.argus.frontend.user;

import dev.argus.frontend.web.LogSafe;
import dev.argus.frontend.security.ApiKeyStore;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Role;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.TextRules;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and keys. An ADMIN manages everyone; any user may create, list and revoke its own keys. Key secrets
 * exist only in the creation response; the log names users and key ids, never a key.
 */
@Service
class Users {

    private static final Logger log = LoggerFactory.getLogger(Users.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_KEY_NAME = 100;

    private final JdbcClient jdbc;
    private final ApiKeyStore keys;

    Users(JdbcClient jdbc, ApiKeyStore keys) {
        this.jdbc = jdbc;
        this.keys = keys;
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
        int refused = TextRules.firstRefused(name);
        if (refused >= 0) {
            throw ApiException.badRequest("invalid-field", "field 'name' contains " + TextRules.describe(refused)
                    + "; control, invisible and bidi formatting characters are refused");
        }
        requireUser(username);
        ApiKeyStore.NewApiKey key = keys.create(username, name);
        log.info("API key {} ('{}') created for {} by {}", key.id(), LogSafe.text(name), username,
                by.username());
        return key;
    }

    @Transactional(readOnly = true)
    List<UserRequests.KeyView> listKeys(String username, Caller by) {
        requireSelfOrAdmin(username, by);
        requireUser(username);
        return jdbc.sql("""
                        select id, name, created_at, last_used_at from api_key
                        where username = :username and revoked_at is null order by created_at, id
                        """)
                .param("username", username)
                .query((rs, row) -> new UserRequests.KeyView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_used_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("last_used_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Revokes the key; 404 when unknown, already revoked, or another user's key and the caller no ADMIN. */
    @Transactional
    void revoke(UUID id, Caller by) {
        int revoked = jdbc.sql("""
                        update api_key set revoked_at = :now
                        where id = :id and revoked_at is null and (:admin or username = :username)
                        """)
                .param("now", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .param("id", id).param("admin", by.isAdmin()).param("username", by.username())
                .update();
        if (revoked == 0) {
            throw ApiException.notFound("key-not-found", "no active API key with id " + id);
        }
        log.info("API key {} revoked by {}", id, by.username());
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
            throw ApiException.notFound("user-not-found", "no user named '" + username + "'");
        }
    }
}
