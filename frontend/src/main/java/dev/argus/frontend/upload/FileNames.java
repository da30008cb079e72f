package dev.argus.frontend.upload;

/**
 * Makes a client's file name safe to keep as a display name: only the last path component, no control or
 * invisible formatting characters (e.g. right-to-left overrides), at most {@value #MAX_LENGTH} characters. The
 * result is never used in a path; files are stored by sha256.
 */
final class FileNames {

    /** Longest kept name, in characters (code points). */
    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The sanitised name, or null when nothing usable is left. */
    static String sanitise(String raw) {
        if (raw == null) {
            return null;
        }
        String last = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(last.length());
        last.codePoints().filter(cp -> !isInvisible(cp)).forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return name;
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
