package dev.argus.common.timing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times one stage of a file's way through Argus (an FTP transfer, a database commit, an engine call) and logs
 * {@code stage=<name> us=<microseconds>} on the {@code dev.argus.timing} logger at DEBUG. Off by default: then
 * {@link #start()} returns 0 and {@link #stop} does nothing, so the cost is one level check. The benchmark
 * (scripts/bench.sh) turns it on and reads the lines for its breakdown. Thread-safe (no state).
 */
public final class StageTimer {

    private static final Logger log = LoggerFactory.getLogger("dev.argus.timing");

    private StageTimer() {
    }

    /** A start mark for {@link #stop}: the current nano time, or 0 when timings are off. */
    public static long start() {
        return log.isDebugEnabled() ? System.nanoTime() : 0;
    }

    /** Logs the stage's duration since {@code start} (a value from {@link #start()}); nothing when it was 0. */
    public static void stop(String stage, long start) {
        if (start != 0) {
            log.debug("stage={} us={}", stage, (System.nanoTime() - start) / 1000);
        }
    }
}
