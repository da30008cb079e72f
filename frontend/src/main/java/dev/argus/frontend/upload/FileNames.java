package dev.argus.frontend.upload;

import dev.argus.frontend.web.ApiException;

/**
 * A client's file name is data: kept as sent, shown escaped, never used as a path (files are stored by sha256). A
 * real sample's name may hold a right-to-left override, homoglyphs, path separators, control characters or be very
 * long; none of that fails the upload.
 *
 * <p>Three things are changed or refused, because they cannot be stored as text: a name longer than
 * {@value #MAX_LENGTH} characters (code points) is cut there; a lone surrogate (a name that was not valid UTF-16) is
 * replaced by U+FFFD; NUL, which PostgreSQL cannot store in text and the multipart parser refuses before anyone may
 * read the name, is a 400 {@code invalid-file-name}. A name of white space only means the file has no name.
 */
final class FileNames {

    /** Longest name kept, in characters (code points); a longer one is cut. */
    static final int MAX_LENGTH = 4096;

    private FileNames() {
    }

    /** The name to keep, null when the client sent none, or a 400 problem when it holds NUL. */
    static String keep(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.indexOf('\0') >= 0) {
            throw invalidNul();
        }
        StringBuilder kept = new StringBuilder(Math.min(raw.length(), MAX_LENGTH));
        raw.codePoints().limit(MAX_LENGTH).forEach(cp ->
                kept.appendCodePoint(Character.getType(cp) == Character.SURROGATE ? 0xFFFD : cp));
        return kept.toString();
    }

    /** The problem for a name holding NUL, which the multipart parser will not even hand out. */
    static ApiException invalidNul() {
        return ApiException.badRequest("invalid-file-name", "the filename of a '" + MultipartUploadReader.FILE_FIELD
                        + "' part contains the character U+0000 (NUL), which cannot be stored; every other name is kept")
                .with("field", MultipartUploadReader.FILE_FIELD);
    }
}
