package dev.argus.frontend.file;

import dev.argus.frontend.catalog.Hash;
import dev.argus.frontend.web.ApiException;

/**
 * The {@code query} of a file search: {@code tag:NAME} (files of scans with that tag), a hash or hash prefix of
 * at least 8 hex characters (md5, sha1 or sha256; files whose name contains it match too), or else a name
 * substring, case-insensitive. Blank lists every file.
 *
 * @param kind  what to search by
 * @param value the tag, the lower-case hex prefix, or the name substring
 */
record FileQuery(Kind kind, String value) {

    enum Kind { ALL, TAG, HASH_OR_NAME, NAME }

    private static final String TAG_PREFIX = "tag:";

    static FileQuery parse(String query) {
        if (query == null || query.isBlank()) {
            return new FileQuery(Kind.ALL, "");
        }
        String text = query.strip();
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid-parameter", "parameter 'query' may not contain control characters");
        }
        if (text.startsWith(TAG_PREFIX)) {
            String tag = text.substring(TAG_PREFIX.length()).strip();
            if (tag.isEmpty()) {
                throw ApiException.badRequest("invalid-parameter", "parameter 'query': 'tag:' needs a tag name");
            }
            return new FileQuery(Kind.TAG, tag);
        }
        return Hash.prefix(text)
                .map(prefix -> new FileQuery(Kind.HASH_OR_NAME, prefix))
                .orElseGet(() -> new FileQuery(Kind.NAME, text));
    }

    /** A LIKE pattern matching names that contain the value. */
    String containsPattern() {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
