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
 * @param metadata  the client's JSON object, echoed back
 * @param passwords passwords to try first on encrypted containers; secrets: sent to the extraction probe only, never
 *                  stored, logged nor shown
 */
public record ScanOptions(List<String> probes, boolean force, List<String> tags, Map<String, Object> metadata,
                          List<String> passwords) {

    /** At most this many passwords per scan. */
    public static final int MAX_PASSWORDS = 16;
    /** At most this many characters per password. */
    public static final int MAX_PASSWORD_LENGTH = 256;

    /** At most this many tags per scan. */
    public static final int MAX_TAGS = 32;
    /** At most this many characters per tag. */
    public static final int MAX_TAG_LENGTH = 64;

    public ScanOptions {
        probes = names(probes);
        tags = tags(tags);
        metadata = metadata(metadata);
        passwords = passwords(passwords);
    }

    /** Options without passwords. */
    public ScanOptions(List<String> probes, boolean force, List<String> tags, Map<String, Object> metadata) {
        this(probes, force, tags, metadata, List.of());
    }

    /** Shows everything but the passwords, which it counts. */
    @Override
    public String toString() {
        return "ScanOptions[probes=" + probes + ", force=" + force + ", tags=" + tags + ", metadata=" + metadata
                + ", passwords=" + passwords.size() + "]";
    }

    /**
     * The passwords as given (not trimmed: a space may be part of one), empty ones and repeats dropped; a 400 naming
     * {@code passwords} (never the password) when there are too many, one is too long or holds NUL.
     */
    static List<String> passwords(Collection<String> raw) {
        Set<String> passwords = new LinkedHashSet<>();
        if (raw != null) {
            raw.stream().filter(p -> p != null && !p.isEmpty()).forEach(passwords::add);
        }
        if (passwords.size() > MAX_PASSWORDS) {
            throw ApiException.badRequest("invalid-field", "field 'passwords': at most " + MAX_PASSWORDS
                    + " passwords are allowed, got " + passwords.size());
        }
        for (String password : passwords) {
            if (password.length() > MAX_PASSWORD_LENGTH) {
                throw ApiException.badRequest("invalid-field", "field 'passwords': a password is at most "
                        + MAX_PASSWORD_LENGTH + " characters");
            }
            if (password.indexOf('\0') >= 0) {
                throw ApiException.badRequest("invalid-field",
                        "field 'passwords': a password may not contain the NUL character");
            }
        }
        return List.copyOf(passwords);
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
