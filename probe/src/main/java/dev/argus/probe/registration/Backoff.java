package dev.argus.probe.registration;

import java.time.Duration;

/**
 * Exponential back-off: {@code initial} after the first failure, doubling after each further one, never more than
 * {@code max} (1 s, 2 s, 4 s ... 30 s for {@link #REGISTRATION}).
 *
 * @param initial delay after the first failure
 * @param max     largest delay
 */
record Backoff(Duration initial, Duration max) {

    /** The registration schedule: 1 s doubling up to 30 s. */
    static final Backoff REGISTRATION = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay before the next try, after {@code failures} failed tries (1 or more). */
    Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        if (failures > 62) {
            return max;
        }
        long factor = 1L << (failures - 1);
        long millis = initial.toMillis() > max.toMillis() / factor ? max.toMillis() : initial.toMillis() * factor;
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
