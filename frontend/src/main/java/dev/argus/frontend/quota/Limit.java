package dev.argus.frontend.quota;

import java.util.Arrays;
import java.util.Optional;

/**
 * The limits a user can reach, by the name a 429 problem gives in its {@code limit} member and a user's
 * {@code quotas} object uses as key. Every limit is counted per user, whichever of its keys or sessions it uses.
 */
public enum Limit {
    /** Requests per minute ({@code argus.security.rate-limit.requests-per-minute}); counted per frontend. */
    REQUESTS_PER_MINUTE("requests-per-minute", false),
    /** Scans submitted per UTC day. */
    SCANS_PER_DAY("scans-per-day", true),
    /** Bytes of the files submitted to scans per UTC day (uploads and rescans by hash alike). */
    BYTES_PER_DAY("bytes-per-day", true),
    /** Unfinished (queued or running) scans at once. */
    CONCURRENT_SCANS("concurrent-scans", true),
    /** Open live-progress streams at once, per frontend. */
    EVENT_STREAMS("event-streams", true);

    private final String key;
    private final boolean perUser;

    Limit(String key, boolean perUser) {
        this.key = key;
        this.perUser = perUser;
    }

    /** The limit's name in problems and in a user's {@code quotas}. */
    public String key() {
        return key;
    }

    /** Whether an admin can set this limit for one user ({@code PATCH /api/v1/users/{name}} with {@code quotas}). */
    public boolean overridable() {
        return perUser;
    }

    /** The overridable limit of that name. */
    public static Optional<Limit> overridable(String key) {
        return Arrays.stream(values()).filter(l -> l.perUser && l.key.equals(key)).findFirst();
    }
}
