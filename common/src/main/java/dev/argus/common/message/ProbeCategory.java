package dev.argus.common.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What kind of engine a probe runs; the wire form is lower-case. */
public enum ProbeCategory {
    ANTIVIRUS,
    METADATA,
    DATABASE,
    EXTERNAL,
    TOOLS,
    /** Opens containers (archives) so that every engine scans what they hold: see docs/engines/extract.md. */
    EXTRACTOR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProbeCategory fromWireName(String name) {
        return Arrays.stream(values())
                .filter(c -> c.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown probe category '" + name + "'"));
    }
}
