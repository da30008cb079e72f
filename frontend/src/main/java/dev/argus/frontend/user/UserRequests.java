package dev.argus.frontend.user;

import dev.argus.frontend.security.Role;
import java.time.Instant;
import java.util.UUID;

/** The bodies of the users-and-keys API. */
final class UserRequests {

    private UserRequests() {
    }

    /** {@code POST /api/v1/users}. */
    record NewUser(String username, String role) {
    }

    /** A user as the API shows it. */
    record UserView(String username, Role role) {
    }

    /** {@code POST /api/v1/users/{username}/keys}. */
    record NewKey(String name) {
    }

    /** A key as listings show it: never the key itself. */
    record KeyView(UUID id, String name, Instant createdAt, Instant lastUsedAt) {
    }
}
