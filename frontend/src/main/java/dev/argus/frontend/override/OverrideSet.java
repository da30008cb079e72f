package dev.argus.frontend.override;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The overrides in force at one moment, indexed for a verdict: no query per file. Immutable. */
public final class OverrideSet {

    /** No override. */
    public static final OverrideSet EMPTY = new OverrideSet(List.of());

    private final Map<String, VerdictOverride> byFile = new HashMap<>();
    private final Map<String, Map<String, VerdictOverride>> byEngineAndThreat = new HashMap<>();

    /** Indexes the given overrides. */
    public OverrideSet(List<VerdictOverride> overrides) {
        for (VerdictOverride override : overrides) {
            if (override.action().onFile()) {
                byFile.put(override.sha256(), override);
            } else {
                byEngineAndThreat.computeIfAbsent(override.engine(), e -> new HashMap<>())
                        .put(override.threat(), override);
            }
        }
    }

    /** The allow or block override of this file, if any. */
    public Optional<VerdictOverride> forFile(String sha256) {
        return Optional.ofNullable(byFile.get(sha256));
    }

    /** The false-positive override of this engine's threat (the exact name, trimmed), if any. */
    public Optional<VerdictOverride> falsePositive(String engine, String threat) {
        if (threat == null) {
            return Optional.empty();
        }
        Map<String, VerdictOverride> threats = byEngineAndThreat.get(engine);
        return threats == null ? Optional.empty() : Optional.ofNullable(threats.get(threat.strip()));
    }
}
