package dev.argus.common.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The VirusTotal v3 result categories, one per engine per file; the wire form is lower-case. */
public enum Category {
    MALICIOUS("malicious"),
    SUSPICIOUS("suspicious"),
    UNDETECTED("undetected"),
    HARMLESS("harmless"),
    TIMEOUT("timeout"),
    FAILURE("failure"),
    TYPE_UNSUPPORTED("type-unsupported");

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, the API and the database, e.g. {@code type-unsupported}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** True for a verdict an engine actually reached, which may be reused from the result cache. */
    public boolean isConclusive() {
        return this == MALICIOUS || this == SUSPICIOUS || this == UNDETECTED || this == HARMLESS;
    }

    /** Parses a wire name; throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static Category fromWireName(String name) {
        return Arrays.stream(values())
                .filter(c -> c.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown category '" + name + "', expected one of "
                        + Arrays.stream(values()).map(Category::wireName).toList()));
    }
}
