package dev.argus.frontend.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps anonymous 401s from flooding the log: at most one line per client address per {@link #WINDOW}; the line
 * after a quiet window says how many were left out. At most {@value #MAX_ADDRESSES} addresses are remembered
 * (then the memory starts afresh), so forged addresses cannot grow it without bound. Thread-safe.
 */
final class UnauthorizedLog {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;

    /** The refusals of one address in its current window. */
    private record Window(long startMillis, int suppressed) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    UnauthorizedLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one refusal of {@code address}: -1 when it is not to be logged, else the number of refusals of that
     * address left out of the log since its last line.
     */
    int admit(String address) {
        long now = clock.millis();
        if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(address)) {
            windows.clear();
        }
        int[] logged = {-1};
        windows.compute(address, (key, window) -> {
            if (window == null || now - window.startMillis() >= WINDOW.toMillis()) {
                logged[0] = window == null ? 0 : window.suppressed();
                return new Window(now, 0);
            }
            return new Window(window.startMillis(), window.suppressed() + 1);
        });
        return logged[0];
    }
}
