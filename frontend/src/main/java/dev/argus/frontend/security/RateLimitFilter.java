package dev.argus.frontend.security;

import dev.argus.frontend.quota.Limit;
import dev.argus.frontend.quota.QuotaProblem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each user, whichever of its keys or sessions it uses, to {@link RateLimitProperties#requestsPerMinute()}
 * requests on {@code /api/**} with a token bucket (bucket4j) per user, refilled greedily over the minute; an
 * exhausted user gets 429 {@code too-many-requests} with {@code Retry-After} and the members of
 * {@link QuotaProblem} ({@code limit: requests-per-minute}). Buckets live in this process's memory: with several
 * frontends, each allows the rate.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int requestsPerMinute;

    RateLimitFilter(RateLimitProperties properties) {
        this.requestsPerMinute = properties.requestsPerMinute();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return requestsPerMinute <= 0 || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Callers.currentOrNull();
        if (caller != null) {
            ConsumptionProbe probe = buckets.computeIfAbsent(caller.username(), id -> newBucket())
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                        "the user made more than " + requestsPerMinute + " requests in a minute; retry in "
                                + seconds + " s", QuotaProblem.members(Limit.REQUESTS_PER_MINUTE, requestsPerMinute,
                                Instant.now().plusNanos(probe.getNanosToWaitForRefill())));
                return;
            }
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        }
        chain.doFilter(request, response);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
