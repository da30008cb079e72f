package dev.argus.frontend.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes sure a page load of the web UI (any path outside {@code /api/} and {@code /actuator/}) leaves an
 * {@code XSRF-TOKEN} cookie, which the UI's scripts echo in the {@code X-XSRF-TOKEN} header of unsafe requests.
 * The token is deferred by Spring Security; reading it here writes the cookie when none exists yet. Health checks
 * and requests with an {@code Authorization} header are no page loads: they get no token (making one cost a
 * random token and a {@code Set-Cookie} on every health check).
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/actuator/")
                || ApiKeyAuthenticationFilter.hasAuthorizationHeader(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
