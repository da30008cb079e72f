package dev.argus.frontend.security;

/**
 * Published (and delivered after commit) when some of a user's credentials stopped working: a key revoked, all
 * its keys revoked, or the user disabled. Whatever holds a long-lived request of that user (an event stream)
 * re-checks its key at once instead of at its next periodic check.
 *
 * @param username the user
 */
public record CredentialsWithdrawn(String username) {
}
