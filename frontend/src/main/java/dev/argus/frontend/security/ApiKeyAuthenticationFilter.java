package dev.argus.frontend.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer <key>} header, or else by the web session's key,
 * which is re-checked on every request so that revoking it, its expiry or disabling its user ends the session at
 * once. A bearer header with an
 * unknown or revoked key is answered 401 right here, even when a session exists. A bearer request never
 * creates a session. The VirusTotal-compatible routes take the same keys where VirusTotal's clients send them:
 * the {@code x-apikey} header on {@code /api/v3/**} only, the {@code apikey} parameter (query string or
 * url-encoded form) on {@code /vtapi/v2/**} only; a key anywhere else is not looked at.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";
    /** VirusTotal API v3's key header, accepted under {@link #VT_V3_PREFIX} only. */
    static final String VT_V3_KEY_HEADER = "x-apikey";
    static final String VT_V3_PREFIX = "/api/v3/";
    /** VirusTotal API v2's key parameter, accepted under {@link #VT_V2_PREFIX} only. */
    static final String VT_V2_KEY_PARAMETER = "apikey";
    static final String VT_V2_PREFIX = "/vtapi/v2/";

    private final ApiKeyStore keys;
    private final Duration retryAfter;
    private final Duration sessionMaxLifetime;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(ApiKeyStore keys, Duration retryAfter, Duration sessionMaxLifetime,
                               ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
        this.retryAfter = retryAfter;
        this.sessionMaxLifetime = sessionMaxLifetime;
    }

    /**
     * True when the request carries an API key of its own: an Authorization header, or a VirusTotal-style key
     * where one is accepted (so it is not authenticated by a cookie).
     */
    static boolean hasAuthorizationHeader(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || vtKey(request) != null;
    }

    /** The VirusTotal-style key this route accepts, or null: {@code x-apikey} on v3, {@code apikey} on v2. */
    private static String vtKey(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith(VT_V3_PREFIX)) {
            return request.getHeader(VT_V3_KEY_HEADER);
        }
        if (path.startsWith(VT_V2_PREFIX)) {
            return request.getParameter(VT_V2_KEY_PARAMETER);
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        try {
            caller = authenticate(request);
        } catch (BadCredentialsException e) {
            problems.unauthorized(request, response, e.getMessage());
            return;
        } catch (DataAccessException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
            ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "the database is unavailable, so the API key cannot be checked; try again later");
            return;
        }
        if (caller != null) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                    List.of(caller.role().authority())));
            SecurityContextHolder.setContext(context);
            keys.touch(caller.keyId());
        }
        chain.doFilter(request, response);
    }

    /**
     * The caller, or null when the request carries no credentials.
     *
     * @throws BadCredentialsException for an Authorization header that is not an active key
     */
    private Caller authenticate(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new BadCredentialsException("the Authorization header must be 'Bearer <API key>'");
            }
            return checked(header.substring(BEARER.length()));
        }
        String vtKey = vtKey(request);
        if (vtKey != null) {
            return checked(vtKey);
        }
        Authentication session = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && session.getPrincipal() instanceof Caller previous) {
            Optional<Caller> current = expired(request.getSession(false)) ? Optional.empty()
                    : keys.active(previous.keyId());
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession httpSession = request.getSession(false);
                if (httpSession != null) {
                    httpSession.invalidate();
                }
            }
            return current.orElse(null);
        }
        return null;
    }

    /** The key's caller; a refused key throws with the reason (unknown or revoked, expired, user disabled). */
    private Caller checked(String key) {
        ApiKeyStore.KeyCheck check = keys.check(key);
        if (check.caller() == null) {
            throw new BadCredentialsException(check.refusal());
        }
        return check.caller();
    }

    /** Whether the session is older than its absolute lifetime, however recently it was used. */
    private boolean expired(HttpSession httpSession) {
        if (httpSession == null) {
            return false;
        }
        try {
            return System.currentTimeMillis() - httpSession.getCreationTime() > sessionMaxLifetime.toMillis();
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }
}
