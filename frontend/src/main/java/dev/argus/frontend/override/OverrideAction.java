package dev.argus.frontend.override;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an override does: allow or block a file, or drop an engine's detection of a threat as a false positive. */
public enum OverrideAction {
    /** The file is clean, whatever the engines say (needs a sha256). */
    ALLOW,
    /** The file is malicious, whatever the engines say (needs a sha256). */
    BLOCK,
    /** The engine's detection of this threat counts as "undetected" (needs engine and threat). */
    FALSE_POSITIVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for the actions on one file. */
    public boolean onFile() {
        return this != FALSE_POSITIVE;
    }

    static Optional<OverrideAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
