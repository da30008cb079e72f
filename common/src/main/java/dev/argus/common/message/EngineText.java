package dev.argus.common.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule for text an engine produced (threat names, errors, versions, detail values): no NUL or other
 * control character (tab, line feed and carriage return become a space), no lone surrogate, and a bounded length.
 * Probes apply it before publishing; the brain and the frontends apply it again before storing, so a message from
 * elsewhere cannot put a NUL into PostgreSQL (which refuses it) or a forged line into a log. Pure; thread-safe.
 */
public final class EngineText {

    /** Longest threat name, version or error kept, in characters; longer text is cut and ends with an ellipsis. */
    public static final int MAX_LENGTH = 1024;
    /** Deepest nesting of detail objects and lists kept; deeper values are dropped. */
    public static final int MAX_DEPTH = 8;
    /** Most entries kept per detail object or list. */
    public static final int MAX_ENTRIES = 500;

    private EngineText() {
    }

    /** The text made safe, or null for null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean keep = !Character.isISOControl(c) && !lone(text, i, c);
            if (keep && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length).append(text, 0, i);
            }
            if (keep) {
                out.append(c);
            } else if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            }
        }
        String cleaned = out == null ? text : out.toString();
        return cleaned.length() <= MAX_LENGTH ? cleaned : cut(cleaned);
    }

    /**
     * The detail values made safe: keys and strings cleaned, nesting, entries and length bounded; null values and
     * what lies deeper than {@link #MAX_DEPTH} are dropped.
     */
    public static Map<String, Object> clean(Map<String, Object> details) {
        return details == null ? Map.of() : cleanMap(details, 0);
    }

    private static Map<String, Object> cleanMap(Map<?, ?> map, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (out.size() >= MAX_ENTRIES) {
                break;
            }
            Object value = cleanValue(entry.getValue(), depth + 1);
            if (value != null) {
                out.put(clean(String.valueOf(entry.getKey())), value);
            }
        }
        return out;
    }

    private static Object cleanValue(Object value, int depth) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return cleanMap(map, depth);
        }
        if (value instanceof List<?> list) {
            return list.stream().limit(MAX_ENTRIES).map(v -> cleanValue(v, depth + 1))
                    .filter(java.util.Objects::nonNull).toList();
        }
        return clean(value.toString());
    }

    private static boolean lone(String text, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static String cut(String text) {
        int end = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
