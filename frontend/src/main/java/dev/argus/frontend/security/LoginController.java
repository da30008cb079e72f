package dev.argus.frontend.security;

import dev.argus.frontend.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * {@code POST /login} (form field {@code key}, with the CSRF token): opens a web session for the owner of an
 * API key. The session id is renewed and the CSRF token rotated, so nothing set before the login carries over.
 * The session keeps the key's id, not the key. Logging out is Spring Security's {@code POST /logout}.
 */
@RestController
class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    private final ApiKeyStore keys;
    private final HttpSessionSecurityContextRepository contexts;
    private final CookieCsrfTokenRepository csrfTokens;

    LoginController(ApiKeyStore keys, HttpSessionSecurityContextRepository contexts,
                    CookieCsrfTokenRepository csrfTokens) {
        this.keys = keys;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> login(HttpServletRequest request, HttpServletResponse response) {
        if (UriComponentsBuilder.fromUriString("/?" + Objects.requireNonNullElse(request.getQueryString(), ""))
                .build().getQueryParams().keySet().stream()
                .anyMatch(name -> UriUtils.decode(name, StandardCharsets.UTF_8).equalsIgnoreCase("key"))) {
            // a key in the URL ends in access logs, proxy logs and browser history
            throw ApiException.badRequest("bad-request", "send the key in the form body, never in the URL");
        }
        String key = Objects.requireNonNullElse(request.getParameter("key"), "");
        ApiKeyStore.KeyCheck check = keys.check(key);
        if (check.caller() == null) {
            throw ApiException.unauthorized("unauthorized", check.refusal());
        }
        Caller caller = check.caller();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(caller.role().authority())));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        csrfTokens.saveToken(null, request, response);
        keys.touch(caller.keyId());
        log.info("web session opened for user {} ({})", caller.username(), caller.role());
        return ResponseEntity.noContent().build();
    }
}
