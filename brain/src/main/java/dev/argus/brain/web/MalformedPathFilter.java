package dev.argus.brain.web;

import dev.argus.common.http.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to a request path with a {@code %} not followed by two hexadecimal digits or with an encoded NUL,
 * before Spring's path parser sees it: Tomcat lets a bad escape through inside a {@code ;} path parameter
 * ({@code /actuator/;a%}), and the parser's exception was a 500. Written here, not through the error page, which
 * would parse the path again. The brain serves only its actuator, so the answer is a minimal problem document.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedPathFilter extends OncePerRequestFilter {

    private static final String PROBLEM = "{\"type\":\"urn:argus:problem:bad-request\",\"title\":\"Bad request\","
            + "\"status\":400,\"detail\":\"the request path is not validly percent-encoded or holds an encoded NUL\"}";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (RequestPaths.wellEncoded(uri) && !RequestPaths.hasEncodedNul(uri)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(PROBLEM);
    }
}
