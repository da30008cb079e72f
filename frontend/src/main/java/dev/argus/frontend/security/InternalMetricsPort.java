package dev.argus.frontend.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one exception to "every actuator route but health needs an ADMIN": when the actuator has a port of its own
 * ({@code management.server.port}, set by the container deployment and reachable only inside its network, never
 * through nginx), {@code /actuator/prometheus} on that port answers without a key, so Prometheus scrapes every
 * frontend without holding an administrator's credential. On the public port the rule does not apply; with no
 * management port it never applies.
 */
@Component
class InternalMetricsPort {

    private static final String PROMETHEUS = "/actuator/prometheus";

    private final int port;

    InternalMetricsPort(@Value("${management.server.port:-1}") int port) {
        this.port = port;
    }

    /** Whether this request is a Prometheus scrape on the internal management port. */
    boolean opens(HttpServletRequest request) {
        return port > 0 && request.getLocalPort() == port && PROMETHEUS.equals(request.getRequestURI());
    }
}
