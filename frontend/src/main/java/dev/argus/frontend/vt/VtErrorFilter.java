package dev.argus.frontend.vt;

import dev.argus.common.json.ArgusJson;
import dev.argus.frontend.web.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;

/**
 * Turns every problem document answered on a VirusTotal-compatible route into VirusTotal's own error shape,
 * wherever it was raised: the security filters (401, 403, 429), a controller or MVC (400, 404 for unknown routes,
 * 405, 413) or an error dispatch. Sits before the security filter chain and buffers the response of these routes
 * only (their bodies are small JSON documents; uploads are requests, never buffered here).
 * <ul>
 * <li>v3: {@code {"error": {"code": "NotFoundError", "message": "..."}}} as {@code application/json}, with
 * VirusTotal's code for the status ({@link #v3Code}).</li>
 * <li>v2: a refused key is 403 with an empty body and an exhausted quota 204 with an empty body, as VirusTotal v2
 * answers; any other error keeps its status with {@code {"response_code": 0, "verbose_msg": "..."}}.</li>
 * </ul>
 */
final class VtErrorFilter implements Filter {

    static final String V3_PREFIX = "/api/v3/";
    static final String V2_PREFIX = "/vtapi/v2/";
    private static final String PROBLEM_JSON = "application/problem+json";
    static final String AUTHENTICATION_REQUIRED =
            "a valid API key is required: send the header 'x-apikey: <key>' (or 'Authorization: Bearer <key>')";

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        String path = originalPath(request);
        boolean v3 = path.startsWith(V3_PREFIX) || path.equals("/api/v3");
        boolean v2 = path.startsWith(V2_PREFIX) || path.equals("/vtapi/v2");
        if (!v3 && !v2) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        ContentCachingResponseWrapper response =
                new ContentCachingResponseWrapper((HttpServletResponse) servletResponse);
        try {
            chain.doFilter(request, response);
        } finally {
            translate(request, response, v3);
            response.copyBodyToResponse();
        }
    }

    private static void translate(HttpServletRequest request, ContentCachingResponseWrapper response, boolean v3)
            throws IOException {
        String contentType = response.getContentType();
        if (response.getStatus() < 400 || contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
            return;
        }
        JsonNode problem = ArgusJson.mapper().readTree(response.getContentAsByteArray());
        String type = problem.path("type").asString("");
        String slug = type.startsWith(Problems.TYPE_PREFIX) ? type.substring(Problems.TYPE_PREFIX.length()) : "";
        String detail = problem.path("detail").asString("");
        int status = response.getStatus();
        response.resetBuffer();
        Map<String, Object> body = new LinkedHashMap<>();
        if (v3) {
            String code = v3Code(status, slug, carriesKey(request));
            String message = code.equals("AuthenticationRequiredError") ? AUTHENTICATION_REQUIRED : detail;
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            body.put("error", error);
        } else if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(null);
            return;
        } else if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            response.setContentType(null);
            return;
        } else {
            body.put("response_code", 0);
            body.put("verbose_msg", detail);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(ArgusJson.mapper().writeValueAsBytes(body));
    }

    /**
     * VirusTotal v3's error code for an Argus error: 400 InvalidArgumentError for a malformed value (Argus's
     * {@code invalid-*} problems), else BadRequestError; 401 WrongCredentialsError when a key was sent, else
     * AuthenticationRequiredError; 403 ForbiddenError; 404 NotFoundError; 429 QuotaExceededError; 503
     * TransientError; any other 4xx BadRequestError and 5xx InternalError, the status kept.
     */
    static String v3Code(int status, String slug, boolean keySent) {
        return switch (status) {
            case 400 -> slug.startsWith("invalid-") ? "InvalidArgumentError" : "BadRequestError";
            case 401 -> keySent ? "WrongCredentialsError" : "AuthenticationRequiredError";
            case 403 -> "ForbiddenError";
            case 404 -> "NotFoundError";
            case 429 -> "QuotaExceededError";
            case 503 -> "TransientError";
            default -> status < 500 ? "BadRequestError" : "InternalError";
        };
    }

    private static boolean carriesKey(HttpServletRequest request) {
        return request.getHeader("x-apikey") != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    /** The path the client asked for, also on the error dispatch that follows a {@code sendError}. */
    private static String originalPath(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String uri ? uri : request.getRequestURI();
    }
}
