package dev.argus.frontend.user;

import dev.argus.common.json.ArgusJson;
import dev.argus.frontend.audit.AuditLog;
import dev.argus.frontend.quota.Limit;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.CredentialsWithdrawn;
import dev.argus.frontend.security.Role;
import dev.argus.frontend.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code PATCH /api/v1/users/{name}}: an admin changes a user's {@code role}, {@code enabled} and {@code quotas}
 * with JSON merge-patch semantics (a member absent is left alone; in {@code quotas}, a limit set to null goes back
 * to {@code argus.quota.*}). The last enabled ADMIN can be neither disabled nor demoted (409 {@code last-admin}):
 * the admins' rows are locked, so two admins demoting each other at once cannot both succeed. Disabling a user
 * refuses its keys and sessions on their next request and ends its event streams; enabling it again restores its
 * keys (they are not revoked).
 */
@Service
class UserChanges {

    private static final Logger log = LoggerFactory.getLogger(UserChanges.class);
    private static final Set<String> FIELDS = Set.of("role", "enabled", "quotas");
    /** Quotas above this are refused as typos; 0 means unlimited. */
    private static final long MAX_QUOTA = Long.MAX_VALUE / 4;

    private final JdbcClient jdbc;
    private final Users users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    UserChanges(JdbcClient jdbc, Users users, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Applies the patch and returns the user as it is now.
     *
     * @throws ApiException 400 for an unknown member, role or limit or a value of the wrong type, 404 for an
     *                      unknown user, 409 {@code last-admin}
     */
    @Transactional
    UserRequests.UserSummary apply(String username, Map<String, Object> patch, Caller by) {
        if (patch == null || patch.isEmpty()) {
            throw ApiException.badRequest("invalid-field", "the patch must set 'role', 'enabled' or 'quotas'");
        }
        for (String field : patch.keySet()) {
            if (!FIELDS.contains(field)) {
                throw ApiException.badRequest("invalid-field", "unknown field '" + shortened(field)
                        + "'; a user's 'role', 'enabled' and 'quotas' can be changed");
            }
        }
        Role role = patch.containsKey("role") ? role(patch.get("role")) : null;
        Boolean enabled = patch.containsKey("enabled") ? enabled(patch.get("enabled")) : null;
        Map<String, Long> quotas = patch.containsKey("quotas") ? quotas(patch.get("quotas")) : null;

        // admins first, always in the same order, then the user: no deadlock with a concurrent patch
        jdbc.sql("select username from app_user where role = 'ADMIN' order by username for update").query().listOfRows();
        users.lockUser(username);
        UserRequests.UserSummary before = users.find(username).orElseThrow(() -> Users.userNotFound(username));
        boolean staysEnabledAdmin = (role == null ? before.role() : role) == Role.ADMIN
                && (enabled == null ? before.enabled() : enabled);
        if (before.role() == Role.ADMIN && before.enabled() && !staysEnabledAdmin && enabledAdmins() <= 1) {
            throw ApiException.conflict("last-admin", "'" + username + "' is the last enabled ADMIN: it can be"
                    + " neither disabled nor demoted until another user is an enabled ADMIN");
        }
        if (role != null && role != before.role()) {
            jdbc.sql("update app_user set role = :role where username = :username")
                    .param("role", role.name()).param("username", username).update();
            audit.record(by, "user-role-changed", username, before.role() + " -> " + role);
            log.info("user {} changed from {} to {} by {}", username, before.role(), role, by.username());
        }
        if (enabled != null && enabled != before.enabled()) {
            jdbc.sql("update app_user set enabled = :enabled where username = :username")
                    .param("enabled", enabled).param("username", username).update();
            audit.record(by, enabled ? "user-enabled" : "user-disabled", username, null);
            log.info("user {} {} by {}", username, enabled ? "enabled" : "disabled", by.username());
            if (!enabled) {
                events.publishEvent(new CredentialsWithdrawn(username));
            }
        }
        if (quotas != null) {
            Map<String, Long> merged = new LinkedHashMap<>(before.quotas());
            quotas.forEach((limit, value) -> {
                if (value == null) {
                    merged.remove(limit);
                } else {
                    merged.put(limit, value);
                }
            });
            jdbc.sql("update app_user set quotas = cast(:quotas as jsonb) where username = :username")
                    .param("quotas", ArgusJson.mapper().writeValueAsString(merged)).param("username", username)
                    .update();
            audit.record(by, "user-quotas-changed", username, merged.toString());
            log.info("quotas of user {} set to {} by {}", username, merged, by.username());
        }
        return users.find(username).orElseThrow();
    }

    private long enabledAdmins() {
        return jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled").query(Long.class).single();
    }

    private static Role role(Object value) {
        Role role = value instanceof String text ? Role.parse(text) : null;
        if (role == null) {
            throw ApiException.badRequest("invalid-field", "field 'role' must be ADMIN, ANALYST or READER");
        }
        return role;
    }

    private static Boolean enabled(Object value) {
        if (!(value instanceof Boolean flag)) {
            throw ApiException.badRequest("invalid-field", "field 'enabled' must be true or false");
        }
        return flag;
    }

    /** The limits the patch sets (a null value: back to the default). */
    private static Map<String, Long> quotas(Object value) {
        if (!(value instanceof Map<?, ?> members)) {
            throw ApiException.badRequest("invalid-field", "field 'quotas' must be an object of limit names to"
                    + " numbers (0 = unlimited) or null (the default)");
        }
        Map<String, Long> quotas = new LinkedHashMap<>();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            String name = String.valueOf(member.getKey());
            if (Limit.overridable(name).isEmpty()) {
                throw ApiException.badRequest("invalid-field", "unknown limit '" + shortened(name)
                        + "' in 'quotas'; the limits are scans-per-day, bytes-per-day, concurrent-scans and"
                        + " event-streams");
            }
            Object number = member.getValue();
            if (number != null && !(number instanceof Integer || number instanceof Long)
                    || number != null && (((Number) number).longValue() < 0
                    || ((Number) number).longValue() > MAX_QUOTA)) {
                throw ApiException.badRequest("invalid-field", "quota '" + name
                        + "' must be a whole number from 0 (unlimited) up, or null (the default)");
            }
            quotas.put(name, number == null ? null : ((Number) number).longValue());
        }
        return quotas;
    }

    private static String shortened(String text) {
        String visible = text.codePoints().filter(c -> c >= 0x20 && c < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }
}
