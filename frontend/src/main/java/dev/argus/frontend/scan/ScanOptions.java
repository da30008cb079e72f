package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.WorkClass;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.LogSafe;
import dev.argus.frontend.web.TextRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * @param callbackUrl an absolute http(s) URL POSTed the scan's summary when it finishes (dev.argus.frontend.webhook),
 *                    or null; its form is checked here, its host by the outbound rule when the scan is recorded
 * @param priority    the work class the client asks for ({@code priority}), or null; a client may lower its work to
 *                    bulk, never raise it ({@code dev.argus.frontend.priority.WorkClasses})
 */
public record ScanOptions(List<String> probes, boolean force, List<String> tags, Map<String, Object> metadata,
                          List<String> passwords, String callbackUrl, WorkClass priority) {

    /** At most this many characters in a callback URL. */
    public static final int MAX_CALLBACK_URL_LENGTH = 2048;

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
        callbackUrl = outboundUrl(callbackUrl, "callbackUrl");
    }

    /** Options without a requested priority. */
    public ScanOptions(List<String> probes, boolean force, List<String> tags, Map<String, Object> metadata,
                       List<String> passwords, String callbackUrl) {
        this(probes, force, tags, metadata, passwords, callbackUrl, null);
    }

    /** These options asking for bulk work (rescans). */
    public ScanOptions asBulk() {
        return new ScanOptions(probes, force, tags, metadata, passwords, callbackUrl, WorkClass.BULK);
    }

    /** Options without passwords nor callback. */
    public ScanOptions(List<String> probes, boolean force, List<String> tags, Map<String, Object> metadata) {
        this(probes, force, tags, metadata, List.of(), null);
    }

    /** Options without a callback. */
    public ScanOptions(List<String> probes, boolean force, List<String> tags, Map<String, Object> metadata,
                       List<String> passwords) {
        this(probes, force, tags, metadata, passwords, null);
    }

    /** Shows everything but the passwords, which it counts. */
    @Override
    public String toString() {
        return "ScanOptions[probes=" + probes + ", force=" + force + ", tags=" + tags + ", metadata=" + metadata
                + ", passwords=" + passwords.size() + ", callbackUrl=" + callbackUrl + ", priority=" + priority + "]";
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

    /**
     * A URL Argus will call (a scan's callback, a webhook subscription), stripped; null when absent or blank; a 400
     * {@code invalid-field} naming the field unless it is an absolute http or https URL with a host, without user
     * info, of at most {@value #MAX_CALLBACK_URL_LENGTH} characters. The host is the outbound rule's business.
     */
    public static String outboundUrl(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (url.length() > MAX_CALLBACK_URL_LENGTH) {
            throw invalidUrl(field, "at most " + MAX_CALLBACK_URL_LENGTH + " characters are allowed");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalidUrl(field, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw invalidUrl(field, "must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw invalidUrl(field, "may not contain user info");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalidUrl(field, "must name a host");
        }
        return url;
    }

    private static ApiException invalidUrl(String field, String why) {
        return ApiException.badRequest("invalid-field", "field '" + field + "': " + why);
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
                throw invalidTags("a tag is at most " + MAX_TAG_LENGTH + " characters: '"
                        + LogSafe.text(tag, MAX_TAG_LENGTH) + "'");
            }
            int refused = TextRules.firstRefused(tag);
            if (refused >= 0) {
                throw invalidTags("a tag may not contain " + TextRules.describe(refused) + "; "
                        + TextRules.REFUSED_KINDS);
            }
            if (tag.indexOf(',') >= 0) {
                throw invalidTags("a tag may not contain commas");
            }
        }
        return tags;
    }

    private static ApiException invalidTags(String why) {
        return ApiException.badRequest("invalid-field", "field 'tags': " + why);
    }
}
