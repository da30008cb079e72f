package dev.argus.frontend.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses the query parameters before anything else runs: Tomcat refuses a parameter that is not valid
 * percent-encoded UTF-8 (e.g. {@code ?page=%zz}) by throwing from the first {@code getParameter} call, which
 * would otherwise surface as a 500 wherever that call happens. Here it becomes a 400 problem naming the parameter
 * (rendered by {@link ProblemErrorController}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryParameterFilter extends OncePerRequestFilter {

    private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([^\\]]{0,64})\\]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException e) {
            request.setAttribute(ProblemErrorController.DETAIL_ATTRIBUTE, describe(e));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String describe(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("decoding")) {
            return "the request's parameters could not be read (too many of them, or a form body over the limit)";
        }
        Matcher name = PARAMETER.matcher(message);
        return (name.find() ? "parameter '" + name.group(1) + "'" : "a parameter")
                + " is not valid percent-encoded UTF-8";
    }
}
