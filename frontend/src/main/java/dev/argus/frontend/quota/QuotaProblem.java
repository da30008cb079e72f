package dev.argus.frontend.quota;

import dev.argus.frontend.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shape of a 429: {@code limit} (its {@link Limit#key()}), {@code value} (the limit's value for the user)
 * and {@code resetsAt} (when the count starts again; absent for the limits that free up when a scan ends or a
 * stream closes), with {@code Retry-After} in seconds.
 */
public final class QuotaProblem {

    /** The problem slug of a quota; the requests-per-minute limit keeps {@code too-many-requests}. */
    public static final String QUOTA_EXCEEDED = "quota-exceeded";

    private QuotaProblem() {
    }

    /** The extension members of a 429 problem. */
    public static Map<String, Object> members(Limit limit, long value, Instant resetsAt) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("limit", limit.key());
        members.put("value", value);
        if (resetsAt != null) {
            members.put("resetsAt", resetsAt.toString());
        }
        return members;
    }

    /** A 429 {@code quota-exceeded} problem for the limit. */
    static ApiException exceeded(Limit limit, long value, Instant resetsAt, Duration retryAfter, String detail) {
        ApiException e = ApiException.tooManyRequests(QUOTA_EXCEEDED, detail, retryAfter);
        members(limit, value, resetsAt).forEach(e::with);
        return e;
    }
}
