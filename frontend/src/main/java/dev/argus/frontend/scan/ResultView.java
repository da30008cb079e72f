package dev.argus.frontend.scan;

import dev.argus.common.message.Category;
import dev.argus.frontend.verdict.EngineAnswer;
import java.util.Map;

/**
 * One engine's answer for one file, as the API shows it (an entry of {@code results}, keyed by probe name).
 *
 * @param category         the VirusTotal-style category
 * @param result           the threat name, or null
 * @param engineVersion    the engine version that produced it
 * @param signatureVersion the signature version, or null
 * @param durationMs       engine time (0 when no engine ran)
 * @param error            why a failure or timeout happened, else null
 * @param cached           reused from an earlier scan of the same file
 * @param details          engine-specific fields
 * @param stale            made with another engine or signature version than the probe's current one
 *                         ({@code ResultReuse#stale}): an old "clean" may not hold with today's signatures
 */
public record ResultView(Category category, String result, String engineVersion, String signatureVersion,
                         long durationMs, String error, boolean cached, Map<String, Object> details, boolean stale)
        implements EngineAnswer {

    /** A result as stored, not (yet) compared with the probe's current versions. */
    public ResultView(Category category, String result, String engineVersion, String signatureVersion,
                      long durationMs, String error, boolean cached, Map<String, Object> details) {
        this(category, result, engineVersion, signatureVersion, durationMs, error, cached, details, false);
    }

    /** This result, marked stale or not. */
    public ResultView withStale(boolean isStale) {
        return isStale == stale ? this
                : new ResultView(category, result, engineVersion, signatureVersion, durationMs, error, cached,
                        details, isStale);
    }
}
