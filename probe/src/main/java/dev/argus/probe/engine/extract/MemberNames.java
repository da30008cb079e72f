package dev.argus.probe.engine.extract;

/**
 * Member names as they are listed: control characters (NUL included) removed, at most {@link #MAX_LENGTH}
 * characters, never empty. Names are data only; nothing in this engine builds a path from one.
 */
final class MemberNames {

    static final int MAX_LENGTH = 1000;
    static final String UNNAMED = "(unnamed)";

    private MemberNames() {
    }

    static String clean(String name) {
        if (name == null) {
            return UNNAMED;
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length() && out.length() < MAX_LENGTH; ) {
            int codePoint = name.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean lone = Character.isSurrogate((char) codePoint) && Character.charCount(codePoint) == 1;
            if (Character.isISOControl(codePoint) || lone) {
                continue;
            }
            if (out.length() + Character.charCount(codePoint) > MAX_LENGTH) {
                break;
            }
            out.appendCodePoint(codePoint);
        }
        return out.isEmpty() ? UNNAMED : out.toString();
    }

    /** A name shortened for a detail sentence. */
    static String shortened(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(max - 1)) ? max - 1 : max;
        return name.substring(0, end) + "…";
    }
}
