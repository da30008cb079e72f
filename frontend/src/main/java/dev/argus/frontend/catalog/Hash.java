package dev.argus.frontend.catalog;

import dev.argus.frontend.web.ApiException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file hash given by a client: md5, sha1 or sha256, told apart by length, normalised to lower case.
 *
 * @param kind  which hash
 * @param value lower-case hex
 */
public record Hash(Kind kind, String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    /** Shortest hash prefix accepted by searches. */
    public static final int MIN_PREFIX = 8;

    /** The hashes the frontend computes for every file. */
    public enum Kind {
        MD5(32), SHA1(40), SHA256(64);

        private final int length;

        Kind(int length) {
            this.length = length;
        }
    }

    /** Parses an md5, sha1 or sha256 in any case; a 400 problem naming the value otherwise. */
    public static Hash parse(String text) {
        String hex = normalise(text);
        if (hex != null) {
            for (Kind kind : Kind.values()) {
                if (hex.length() == kind.length) {
                    return new Hash(kind, hex);
                }
            }
        }
        throw ApiException.badRequest("invalid-hash", "'" + text
                + "' is not an md5, sha1 or sha256 (32, 40 or 64 hexadecimal characters)");
    }

    /** Parses a sha256 in any case; a 400 problem naming the field and the value otherwise. */
    public static String sha256(String text, String field) {
        String hex = normalise(text);
        if (hex == null || hex.length() != Kind.SHA256.length) {
            throw ApiException.badRequest("invalid-hash",
                    "field '" + field + "': '" + text + "' is not a sha256 (64 hexadecimal characters)");
        }
        return hex;
    }

    /** The text as a lower-case hash prefix when it is 8 to 64 hex characters, for searches. */
    public static Optional<String> prefix(String text) {
        String hex = normalise(text);
        return hex != null && hex.length() >= MIN_PREFIX && hex.length() <= Kind.SHA256.length
                ? Optional.of(hex) : Optional.empty();
    }

    private static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String hex = text.strip().toLowerCase(Locale.ROOT);
        return HEX.matcher(hex).matches() ? hex : null;
    }
}
