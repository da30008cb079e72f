package dev.argus.probe.engine.cli;

import dev.argus.probe.engine.configfile.Verdict;
import java.util.Map;

/**
 * What a scanner's exit codes mean, e.g. 0 undetected, 1 malicious; a code not listed means {@code other}
 * ({@code failure} unless configured).
 */
record ExitCodes(Map<Integer, Verdict> byCode, Verdict other) {

    ExitCodes {
        byCode = Map.copyOf(byCode);
    }

    Verdict of(int exitCode) {
        return byCode.getOrDefault(exitCode, other);
    }
}
