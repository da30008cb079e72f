package dev.argus.frontend.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web UI sessions ({@code argus.security.session.*}); the idle timeout is {@code server.servlet.session.timeout}.
 *
 * @param maxLifetime how long a session lasts from its login however busy it is; an older one is ended and its
 *                    requests answered 401, so a stolen or forgotten session cannot be kept alive forever
 */
@ConfigurationProperties("argus.security.session")
public record SessionProperties(@DefaultValue("12h") Duration maxLifetime) {
}
