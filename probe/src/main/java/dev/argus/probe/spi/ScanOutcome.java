package dev.argus.probe.spi;

import dev.argus.common.message.Category;
import dev.argus.common.message.ExtractionReport;
import java.util.Map;
import java.util.Objects;

/**
 * What an engine concluded about one file.
 *
 * @param category one of {@code malicious}, {@code suspicious}, {@code undetected}, {@code harmless}
 * @param threat   the threat name (e.g. the first signature that matched), or null when there is none
 * @param details  engine-specific extra fields, serialised as a JSON object; never null
 * @param versions  the engine and signature versions that produced this answer
 * @param extracted what an extraction engine found inside the file, or null for every other engine
 */
public record ScanOutcome(Category category, String threat, Map<String, Object> details, EngineVersions versions,
                          ExtractionReport extracted) {

    public ScanOutcome {
        Objects.requireNonNull(category, "category");
        if (!category.isConclusive()) {
            throw new IllegalArgumentException("an engine answers with a conclusive category, not " + category);
        }
        details = details == null ? Map.of() : Map.copyOf(details);
        versions = versions == null ? EngineVersions.UNKNOWN : versions;
    }

    /** The answer of an engine that does not extract. */
    public ScanOutcome(Category category, String threat, Map<String, Object> details, EngineVersions versions) {
        this(category, threat, details, versions, null);
    }
}
