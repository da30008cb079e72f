package dev.argus.frontend.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits of the API per user ({@code argus.security.rate-limit.*}).
 *
 * @param requestsPerMinute sustained requests a user (all its keys and sessions together) may make per minute on one
 *                          frontend, also the burst it may make at once;
 *                          0 or negative turns the limit off
 */
@ConfigurationProperties("argus.security.rate-limit")
public record RateLimitProperties(@DefaultValue("600") int requestsPerMinute) {

    /** False when the limit is turned off. */
    public boolean enabled() {
        return requestsPerMinute > 0;
    }
}
