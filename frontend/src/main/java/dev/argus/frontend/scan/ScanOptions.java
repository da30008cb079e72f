package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.frontend.web.ApiException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client asks of a scan besides its files.
 *
 * @param probes   requested probe names, empty for every online probe
 * @param force    false: stored results may be reused
 * @param tags     the client's tags
 * @param metadata the client's JSON object, echoed back
 */
public record ScanOptions(List<String> probes, boolean force, List<String> tags, Map<String, Object> metadata) {

    /** At most this many tags per scan. */
    public static final int MAX_TAGS = 32;
    /** At most this many characters per tag. */
    public static final int MAX_TAG_LENGTH = 64;

    public ScanOptions {
        probes = names(probes);
        tags = tags(tags);
        metadata = metadata(metadata);
    }

    /** The metadata, or a 400 when it holds NUL, which PostgreSQL cannot store in text or jsonb. */
    static Map<String, Object> metadata(Map<String, Object> raw) {
        if (raw == null) {
            return Map.of();
        }
        if (ArgusJson.mapper().writeValueAsString(raw).contains("\\u0000")) {
            throw ApiException.badRequest("invalid-field",
                    "field 'metadata' may not contain the NUL character (\\u0000)");
        }
        return raw;
    }

    /** Probe names trimmed, empty ones dropped, duplicates removed. */
    static List<String> names(Collection<String> raw) {
        Set<String> names = new LinkedHashSet<>();
        if (raw != null) {
            raw.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** Tags trimmed, empty ones dropped, duplicates removed; a 400 naming {@code tags} when one is unfit. */
    static List<String> tags(Collection<String> raw) {
        List<String> tags = names(raw);
        if (tags.size() > MAX_TAGS) {
            throw invalidTags("at most " + MAX_TAGS + " tags are allowed, got " + tags.size());
        }
        for (String tag : tags) {
            if (tag.length() > MAX_TAG_LENGTH) {
                throw invalidTags("a tag is at most " + MAX_TAG_LENGTH + " characters: '" + tag + "'");
            }
            if (tag.chars().anyMatch(c -> Character.isISOControl(c) || c == ',')) {
                throw invalidTags("a tag may not contain control characters or commas");
            }
        }
        return tags;
    }

    private static ApiException invalidTags(String why) {
        return ApiException.badRequest("invalid-field", "field 'tags': " + why);
    }
}
