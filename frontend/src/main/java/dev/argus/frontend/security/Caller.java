package dev.argus.frontend.security;

import java.io.Serializable;
import java.util.UUID;

/**
 * The authenticated user of a request: its name, its role and the API key it proved (a web session holds the
 * key it was opened with, so revoking that key ends the session too).
 *
 * @param username the user
 * @param role     its role, read from the database on every request
 * @param keyId    the API key used
 */
public record Caller(String username, Role role, UUID keyId) implements Serializable {

    /** True for an ADMIN, who sees every scan. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The owner to restrict scans, names and tags to: null for an ADMIN (everything), else the username. */
    public String ownerFilter() {
        return isAdmin() ? null : username;
    }
}
