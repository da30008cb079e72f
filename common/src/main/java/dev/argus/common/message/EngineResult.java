package dev.argus.common.message;

import java.util.Map;

/**
 * What one engine said about one file.
 *
 * @param category         the VirusTotal-style category
 * @param result           the threat name, or null when there is none
 * @param engineVersion    the engine version that produced it
 * @param signatureVersion the signature version that produced it, or null where the engine has none or does not say
 * @param durationMs       time the engine took (0 for results made without running an engine)
 * @param error            a readable error for {@code failure} and {@code timeout}, else null
 * @param details          engine-specific extra fields (JSON object), never null
 */
public record EngineResult(Category category, String result, String engineVersion, String signatureVersion,
                           long durationMs, String error, Map<String, Object> details) {

    public EngineResult {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * This result with every engine string made safe ({@link EngineText}): what probes publish and what the brain
     * and the frontends store.
     */
    public EngineResult sanitized() {
        return new EngineResult(category, EngineText.clean(result), EngineText.clean(engineVersion),
                EngineText.clean(signatureVersion), Math.max(0, durationMs), EngineText.clean(error),
                EngineText.clean(details));
    }

    /** A result the brain makes without an engine: offline probe, mime filter, deadline. */
    public static EngineResult withoutEngine(Category category, String error, ProbeDescriptor probe) {
        return new EngineResult(category, null,
                probe == null ? null : probe.engineVersion(),
                probe == null ? null : probe.signatureVersion(),
                0, error, Map.of());
    }
}
