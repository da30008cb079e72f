package dev.argus.frontend.web;

/**
 * The one rule for characters a name shown to people may not hold, shared by file names, tags, API key names and
 * threat names: control characters (C0, DEL, C1, NUL included), invisible formatting characters (category Cf:
 * bidi embeddings, overrides and isolates U+202A–202E and U+2066–2069, the marks U+200E/U+200F/U+061C,
 * zero-width U+200B–200D, U+2060, U+FEFF), line and paragraph separators, lone surrogates, unassigned and
 * private-use code points and U+FFFD. Such characters make one text look like another (a name reversed by
 * U+202E, a tag that differs from another only by a zero-width space) or forge lines in logs.
 *
 * <p>Text a client sends is refused when it holds one ({@link #firstRefused}); text an engine reports is shown
 * with them escaped visibly instead ({@link #visible}).
 */
public final class TextRules {

    /** The end of a sentence refusing a NUL. */
    public static final String NUL_REFUSED = "contains a NUL character (U+0000), which no text in Argus may hold";

    /** The end of a sentence refusing a character, naming the kinds refused. */
    public static final String REFUSED_KINDS = "control, invisible and bidi formatting characters are refused";

    private TextRules() {
    }

    /** Whether a code point is one of the refused characters. */
    public static boolean isRefused(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || codePoint == 0xFFFD;
    }

    /** The first refused code point of the text, or -1 when it has none. */
    public static int firstRefused(String text) {
        return text.codePoints().filter(TextRules::isRefused).findFirst().orElse(-1);
    }

    /**
     * Refuses a client's text field holding a refused character: 400 {@code invalid-field} naming the field and the
     * character. Text without one passes.
     */
    public static void requireShowable(String field, String text) {
        int refused = firstRefused(text);
        if (refused >= 0) {
            throw ApiException.badRequest("invalid-field", "field '" + field + "' contains " + describe(refused)
                    + "; " + REFUSED_KINDS);
        }
    }

    /** What a refused character is, e.g. "the invisible formatting character U+202E", for a problem's detail. */
    public static String describe(int codePoint) {
        String kind;
        if (Character.isISOControl(codePoint)) {
            kind = "control";
        } else {
            kind = switch (Character.getType(codePoint)) {
                case Character.FORMAT -> "invisible formatting";
                case Character.SURROGATE -> "lone surrogate";
                case Character.UNASSIGNED -> "unassigned";
                case Character.PRIVATE_USE -> "private-use";
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "line separator";
                default -> "replacement";
            };
        }
        return "the " + kind + " character U+" + hex(codePoint);
    }

    /** The text with every refused character written as a visible escape ({@code \u202E}); null for null. */
    public static String visible(String text) {
        if (text == null || text.codePoints().noneMatch(TextRules::isRefused)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (isRefused(cp)) {
                shown.append("\\u").append(hex(cp));
            } else {
                shown.appendCodePoint(cp);
            }
        });
        return shown.toString();
    }

    private static String hex(int codePoint) {
        return String.format("%04X", codePoint);
    }
}
