package dev.argus.frontend.user;

import dev.argus.frontend.security.Role;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The bodies of the users-and-keys API. */
final class UserRequests {

    private UserRequests() {
    }

    /** {@code POST /api/v1/users}. */
    record NewUser(String username, String role) {
    }

    /** A user as its creation shows it. */
    record UserView(String username, Role role) {
    }

    /**
     * A user as {@code GET /api/v1/users} and {@code PATCH /api/v1/users/{name}} show it.
     *
     * @param username   its name
     * @param role       its role
     * @param enabled    false when disabled: its keys and sessions are refused until it is enabled again
     * @param createdAt  when it was created
     * @param keys       its active keys (unrevoked, unexpired)
     * @param lastUsedAt the latest use of any of its keys (recorded at most once a minute per key), or null
     * @param quotas     its own quota values (limit name to value, 0 = unlimited); absent limits take
     *                   {@code argus.quota.*}
     */
    record UserSummary(String username, Role role, boolean enabled, Instant createdAt, long keys,
                       Instant lastUsedAt, Map<String, Long> quotas) {
    }

    /**
     * {@code POST /api/v1/users/{username}/keys}.
     *
     * @param name          the owner's label
     * @param expiresAt     when the key stops working, or null
     * @param expiresInDays days from now until it stops working, or null (not both)
     */
    record NewKey(String name, Instant expiresAt, Integer expiresInDays) {
    }

    /** A key as listings show it: never the key itself. */
    record KeyView(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
    }

    /** {@code DELETE /api/v1/users/{username}/keys}: how many keys were revoked. */
    record Revoked(int revoked) {
    }
}
