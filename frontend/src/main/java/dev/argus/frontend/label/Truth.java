package dev.argus.frontend.label;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.argus.frontend.web.ApiException;
import java.util.Locale;

/** What a file truly is, as a label says. */
public enum Truth {
    MALICIOUS, BENIGN;

    /** The name in JSON, CSV and the database. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code malicious} or {@code benign} in any case; null when it is neither. */
    public static Truth parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "malicious" -> MALICIOUS;
            case "benign" -> BENIGN;
            default -> null;
        };
    }

    /** Parses the field; a 400 problem naming it otherwise. */
    public static Truth parse(String text, String field) {
        Truth truth = parseOrNull(text);
        if (truth == null) {
            throw ApiException.badRequest("invalid-field",
                    "field '" + field + "': expected 'malicious' or 'benign', got '" + text + "'");
        }
        return truth;
    }
}
