package dev.argus.probe.engine.configfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * Collects the problems found in one configuration file, each as a sentence naming the file and the field, and
 * parses the value types every adapter shares (durations, sizes, regexes). Not thread-safe: one per file.
 */
public final class ConfigCheck {

    private final Path file;
    private final List<String> problems = new ArrayList<>();

    public ConfigCheck(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Records a problem: {@code <file>: field '<field>' <problem>.} */
    public void fail(String field, String problem) {
        problems.add(file + ": field '" + field + "' " + problem + (problem.endsWith(".") ? "" : "."));
    }

    /** Records a problem about the whole file. */
    public void failFile(String problem) {
        problems.add(file + ": " + problem + (problem.endsWith(".") ? "" : "."));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The value, or a "is missing" problem when it is null or blank. */
    public String required(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field, "is missing");
            return null;
        }
        return value;
    }

    /** The value, or a "is missing" problem when it is null. */
    public <T> T required(String field, T value) {
        if (value == null) {
            fail(field, "is missing");
        }
        return value;
    }

    /**
     * A duration such as {@code 60s}, {@code 500ms}, {@code 2m} or {@code PT1M}; {@code fallback} when absent.
     * Outside {@code [min, max]} is a problem.
     */
    public Duration duration(String field, String text, Duration fallback, Duration min, Duration max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            Duration value = DurationStyle.detectAndParse(text.strip());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                fail(field, "is " + text + ", outside " + min.toMillis() + " ms to " + max.toMillis() + " ms");
                return fallback;
            }
            return value;
        } catch (IllegalArgumentException e) {
            fail(field, "'" + text + "' is not a duration (write e.g. 60s, 500ms, 2m)");
            return fallback;
        }
    }

    /** A size such as {@code 64KB} or {@code 1MB}, in bytes; {@code fallback} when absent. */
    public long dataSize(String field, String text, DataSize fallback, DataSize min, DataSize max) {
        if (text == null || text.isBlank()) {
            return fallback.toBytes();
        }
        try {
            DataSize value = DataSize.parse(text.strip());
            if (value.toBytes() < min.toBytes() || value.toBytes() > max.toBytes()) {
                fail(field, "is " + text + ", outside " + min + " to " + max);
                return fallback.toBytes();
            }
            return value.toBytes();
        } catch (IllegalArgumentException e) {
            fail(field, "'" + text + "' is not a size (write e.g. 64KB, 1MB)");
            return fallback.toBytes();
        }
    }

    /**
     * A regex; with {@code group} non-null it must declare that named group, e.g. {@code (?<threat>\S+)}.
     * Returns null (and records a problem) when invalid.
     */
    public Pattern regex(String field, String text, String group) {
        if (text == null) {
            return null;
        }
        try {
            Pattern pattern = Pattern.compile(text);
            if (group != null && !pattern.namedGroups().containsKey(group)) {
                fail(field, "has no named group '" + group + "'; write e.g. (?<" + group + ">\\S+) around the part"
                        + " to extract");
                return null;
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            fail(field, "is not a valid regex (" + e.getDescription() + " near index " + e.getIndex() + ")");
            return null;
        }
    }
}
