package dev.argus.probe.engine.configfile;

import dev.argus.common.message.Category;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an engine's answer (an exit code, a service's status word) means: one of the four conclusive categories,
 * or a failure that is retried ({@code failure}) or not ({@code failure-terminal}, for a file the engine will
 * never handle, e.g. encrypted or corrupt).
 */
public enum Verdict {
    MALICIOUS("malicious", Category.MALICIOUS),
    SUSPICIOUS("suspicious", Category.SUSPICIOUS),
    UNDETECTED("undetected", Category.UNDETECTED),
    HARMLESS("harmless", Category.HARMLESS),
    FAILURE("failure", null),
    FAILURE_TERMINAL("failure-terminal", null);

    private final String wireName;
    private final Category category;

    Verdict(String wireName, Category category) {
        this.wireName = wireName;
        this.category = category;
    }

    public String wireName() {
        return wireName;
    }

    /** The result category, or null for the two failures. */
    public Category category() {
        return category;
    }

    public boolean isFailure() {
        return category == null;
    }

    /** Parses a configuration value, case-insensitively. */
    public static Optional<Verdict> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.wireName.equals(wanted)).findFirst();
    }

    /** The accepted values, for error sentences. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(Verdict::wireName).toList());
    }
}
