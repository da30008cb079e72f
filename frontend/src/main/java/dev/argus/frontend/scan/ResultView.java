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
 */
public record ResultView(Category category, String result, String engineVersion, String signatureVersion,
                         long durationMs, String error, boolean cached, Map<String, Object> details)
        implements EngineAnswer {
}
