package dev.argus.frontend.upload;

import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.TextRules;

/**
 * Checks a client's file name before anything of its part is read. The name is only ever a display name (files
 * are stored by sha256, never under a client's name), yet a hostile one is refused rather than repaired, so the
 * client learns its name was not kept as sent: a 400 {@code invalid-file-name} naming the rule it broke.
 *
 * <p>Refused: a path separator ({@code /} or {@code \}), {@code .} and {@code ..}; control characters (C0, DEL,
 * C1, NUL included), invisible formatting characters (bidi overrides such as U+202E, zero-width characters),
 * line and paragraph separators, lone surrogates and U+FFFD (a name that was not valid UTF-8); more than
 * {@value #MAX_LENGTH} characters; a word mixing Latin, Cyrillic and Greek letters (see {@link MixedScripts}).
 * Surrounding white space is dropped; an empty name means the file has no name.
 */
final class FileNames {

    /** Longest accepted name, in characters (code points). */
    static final int MAX_LENGTH = 255;
    private static final int QUOTED_LENGTH = 40;

    private FileNames() {
    }

    /** The name to keep, null when the client sent none, or a 400 problem saying what is wrong with it. */
    static String validate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.strip();
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw invalid(name, "contains a path separator ('/' or '\\'); send the bare file name");
        }
        if (name.equals(".") || name.equals("..")) {
            throw invalid(name, "is a relative path ('.' or '..')");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            throw invalid(name, "is " + length + " characters long; at most " + MAX_LENGTH + " are accepted")
                    .with("maxFileNameLength", MAX_LENGTH);
        }
        name.codePoints().filter(FileNames::isForbidden).findFirst().ifPresent(cp -> {
            throw invalid(name, "contains the " + describe(cp) + " character U+" + hex(cp)
                    + "; control, invisible and bidi formatting characters are refused");
        });
        String mixed = MixedScripts.firstMixedWord(name);
        if (mixed != null) {
            throw invalid(name, "mixes scripts in the word '" + quote(mixed) + "' (" + MixedScripts.describe(mixed)
                    + "), which makes it look like another name; use one script per word");
        }
        return name;
    }

    /** The problem for a name holding NUL, which the multipart parser will not even hand out. */
    static ApiException invalidNul() {
        return invalid(null, "contains the control character U+0000 (NUL); control, invisible and bidi formatting"
                + " characters are refused");
    }

    private static boolean isForbidden(int codePoint) {
        return TextRules.isRefused(codePoint);
    }

    private static String describe(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return "control";
        }
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT -> "invisible formatting";
            case Character.SURROGATE -> "lone surrogate";
            case Character.UNASSIGNED -> "unassigned";
            case Character.PRIVATE_USE -> "private-use";
            default -> codePoint == 0xFFFD ? "replacement (not valid UTF-8)" : "line or paragraph separator";
        };
    }

    private static ApiException invalid(String name, String reason) {
        return ApiException.badRequest("invalid-file-name", "the filename of a '" + MultipartUploadReader.FILE_FIELD
                + "' part " + (name == null ? "" : "('" + quote(name) + "') ") + reason).with("field", MultipartUploadReader.FILE_FIELD);
    }

    /** The name as it may appear in a problem: forbidden characters escaped, cut to a readable length. */
    static String quote(String name) {
        StringBuilder quoted = new StringBuilder();
        name.codePoints().limit(QUOTED_LENGTH).forEach(cp -> {
            if (isForbidden(cp) || cp == '\'' || cp == '"') {
                quoted.append("\\u").append(hex(cp));
            } else {
                quoted.appendCodePoint(cp);
            }
        });
        return name.codePointCount(0, name.length()) > QUOTED_LENGTH ? quoted + "…" : quoted.toString();
    }

    private static String hex(int codePoint) {
        return String.format("%04X", codePoint);
    }
}
