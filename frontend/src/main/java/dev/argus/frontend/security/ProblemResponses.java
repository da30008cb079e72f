package dev.argus.frontend.security;

import dev.argus.common.json.ArgusJson;
import dev.argus.frontend.web.LogSafe;
import dev.argus.frontend.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers the security filters' refusals with problem documents, like the rest of the API: 401 without a valid
 * key, 403 for a role that may not, 403 for a session request without its CSRF token, and others (429, 503)
 * for the filters. Logged at WARN with method and path only (escaped, {@link LogSafe}), never a header value;
 * 401s at most once a minute per client address ({@link UnauthorizedLog}).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    /** 401s are logged once a minute per client address; one memory per application context. */
    private final UnauthorizedLog unauthorized = new UnauthorizedLog(Clock.systemUTC());

    static final String UNAUTHENTICATED_DETAIL =
            "a valid API key is required: send the header 'Authorization: Bearer <key>'";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(request, response, UNAUTHENTICATED_DETAIL);
    }

    /** Writes a 401 problem; its log line is throttled per client address ({@link UnauthorizedLog}). */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        int suppressed = unauthorized.admit(request.getRemoteAddr());
        if (suppressed >= 0) {
            log.warn("{} {} -> 401 unauthorized from {}{}", LogSafe.text(request.getMethod(), 20),
                    LogSafe.text(request.getRequestURI()), request.getRemoteAddr(), suppressed == 0 ? ""
                            : " (" + suppressed + " more 401s from that address were not logged)");
        }
        respond(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "csrf-token-invalid", "the request lacks a valid CSRF"
                    + " token: a web session must send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header");
            return;
        }
        Caller caller = Callers.currentOrNull();
        String role = caller == null ? "anonymous" : caller.role().name();
        write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "the role " + role + " may not " + request.getMethod() + " " + request.getRequestURI());
    }

    /** Writes a problem document with the given status, slug and detail. */
    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
                      String detail) throws IOException {
        write(request, response, status, slug, detail, Map.of());
    }

    /** Writes a problem document with the given status, slug, detail and extension members. */
    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
                      String detail, Map<String, Object> members) throws IOException {
        log.warn("{} {} -> {} {}", LogSafe.text(request.getMethod(), 20), LogSafe.text(request.getRequestURI()),
                status.value(), slug);
        respond(request, response, status, slug, detail, members);
    }

    private static void respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String slug, String detail) throws IOException {
        respond(request, response, status, slug, detail, Map.of());
    }

    private static void respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String slug, String detail, Map<String, Object> members) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.TYPE_PREFIX + slug);
        problem.put("title", Problems.title(slug));
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(members);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ArgusJson.mapper().writeValueAsString(problem));
        response.getWriter().flush();
    }
}
