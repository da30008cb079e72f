package dev.argus.frontend.web;

/**
 * A client's value made safe to log: control and invisible characters (CR and LF included, so a value cannot
 * forge a log line) are written as visible escapes ({@link TextRules#visible}), and a long value is cut with a
 * note of its length. Every log statement that holds a user-controlled value (a path, a file name, a tag, a name
 * from a request, a header) passes it through here.
 */
public final class LogSafe {

    /** Longest part of a value that is logged. */
    public static final int MAX_LOGGED = 200;

    private LogSafe() {
    }

    /** The value escaped and cut at {@value #MAX_LOGGED} characters. */
    public static String text(Object value) {
        return text(value, MAX_LOGGED);
    }

    /** The value escaped and cut at {@code max} characters; "null" for null. */
    public static String text(Object value, int max) {
        String text = String.valueOf(value);
        String cut = text.length() > max ? text.substring(0, max) : text;
        String escaped = TextRules.visible(cut);
        return text.length() > max ? escaped + "…(" + text.length() + " characters)" : escaped;
    }
}
