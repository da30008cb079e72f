package dev.argus.probe.engine.icap;

/**
 * The ICAP server answered something that is not a valid ICAP message (bad status line, header or chunk). Another
 * attempt would get the same answer, so the engine reports it as a terminal failure.
 */
final class MalformedAnswerException extends Exception {

    private static final int SHOWN = 120;

    MalformedAnswerException(String message) {
        super(message);
    }

    /** A received line made safe for a log line or an error field: quoted, control characters escaped, shortened. */
    static String quote(String text) {
        StringBuilder shown = new StringBuilder("'");
        text.codePoints().limit(SHOWN).forEach(c -> {
            if (c < 32 || c == 127) {
                shown.append(String.format("\\x%02x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append(text.length() > SHOWN ? "...'" : "'").toString();
    }
}
