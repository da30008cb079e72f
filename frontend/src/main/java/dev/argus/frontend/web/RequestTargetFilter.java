package dev.argus.frontend.web;

import dev.argus.common.http.RequestPaths;
import dev.argus.common.json.ArgusJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one check of a request's target, parameters and headers before anything else runs; what it refuses is
 * answered here with a 400 problem ({@code bad-request} for the path, {@code invalid-parameter} for parameters and
 * headers) instead of an exception deep inside a filter or handler:
 * <ul>
 *   <li>a request URI with a {@code %} not followed by two hexadecimal digits: Tomcat lets it through inside a
 *   {@code ;} path parameter (e.g. {@code /api/v1/files/;a%}), and Spring's path parser then throws (a 500);</li>
 *   <li>an encoded NUL ({@code %00}) in the path;</li>
 *   <li>query or form parameters that are not valid percent-encoded UTF-8 (Tomcat throws from the first
 *   {@code getParameter} call, wherever that happens);</li>
 *   <li>a NUL in a parameter name or value, or in a header value: PostgreSQL refuses NUL in text, and no text the
 *   API takes has a use for it ({@link TextRules#NUL_REFUSED}).</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTargetFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestTargetFilter.class);
    private static final String PATH_REFUSAL = "the request path";
    private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([^\\]]{0,64})\\]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = refusal(request);
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        // written here, not through the container's error dispatch: that would parse the malformed path again
        String slug = refused.startsWith(PATH_REFUSAL) ? "bad-request" : "invalid-parameter";
        log.warn("{} {} -> 400 {}: {}", LogSafe.text(request.getMethod(), 20), LogSafe.text(request.getRequestURI()),
                slug, refused);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ArgusJson.mapper().writeValueAsString(
                Problems.of(HttpStatus.BAD_REQUEST, slug, refused)));
        response.getWriter().flush();
    }

    /** Why the request is refused, or null. */
    static String refusal(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (!RequestPaths.wellEncoded(uri)) {
            return PATH_REFUSAL + " is not validly percent-encoded (a '%' must be followed by two hexadecimal"
                    + " digits)";
        }
        if (RequestPaths.hasEncodedNul(uri)) {
            return PATH_REFUSAL + " contains an encoded NUL (%00)";
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            return describe(e);
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean nul = parameter.getKey().indexOf('\0') >= 0;
            for (String value : parameter.getValue()) {
                nul |= value != null && value.indexOf('\0') >= 0;
            }
            if (nul) {
                return "parameter '" + LogSafe.text(parameter.getKey().replace('\0', ' '), 64) + "' "
                        + TextRules.NUL_REFUSED;
            }
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (value.indexOf('\0') >= 0) {
                    return "header '" + LogSafe.text(name, 64) + "' " + TextRules.NUL_REFUSED;
                }
            }
        }
        return null;
    }

    private static String describe(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("decoding")) {
            return "the request's parameters could not be read (too many of them, or a form body over the limit)";
        }
        Matcher name = PARAMETER.matcher(message);
        return (name.find() ? "parameter '" + LogSafe.text(name.group(1), 64) + "'" : "a parameter")
                + " is not valid percent-encoded UTF-8";
    }
}
