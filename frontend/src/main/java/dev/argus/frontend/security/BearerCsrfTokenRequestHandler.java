package dev.argus.frontend.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The web UI's CSRF token handling (Spring Security's single-page-application form: the token travels in the
 * {@code XSRF-TOKEN} cookie and comes back raw in the {@code X-XSRF-TOKEN} header, or masked in a form field),
 * except that a request with an {@code Authorization} header, and a health check, leave the token unloaded. Such
 * requests need no token ({@link SecurityConfiguration#needsCsrfToken}), but the standard handler stores the token
 * under its form parameter name too, which loads it: every one of them without the cookie generated a random
 * token and answered with a {@code Set-Cookie} for it.
 */
final class BearerCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
    private final XorCsrfTokenRequestAttributeHandler xor = new XorCsrfTokenRequestAttributeHandler();
    private final XorCsrfTokenRequestAttributeHandler deferred = new XorCsrfTokenRequestAttributeHandler();

    BearerCsrfTokenRequestHandler() {
        deferred.setCsrfRequestAttributeName(null); // only the CsrfToken attribute, loaded if someone asks
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        boolean noPageLoad = ApiKeyAuthenticationFilter.hasAuthorizationHeader(request)
                || request.getRequestURI().startsWith("/actuator/");
        (noPageLoad ? deferred : xor).handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        String header = request.getHeader(csrfToken.getHeaderName());
        return (header != null && !header.isBlank() ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
    }
}
