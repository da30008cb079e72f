package dev.argus.frontend.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, as authenticated by {@link ApiKeyAuthenticationFilter}. */
public final class Callers {

    private Callers() {
    }

    /**
     * The current caller.
     *
     * @throws AuthenticationCredentialsNotFoundException when the request is not authenticated (the security
     *                                                    rules make this unreachable for {@code /api/**})
     */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
    }

    /** The current caller, or null when the request is not authenticated. */
    public static Caller currentOrNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }
}
