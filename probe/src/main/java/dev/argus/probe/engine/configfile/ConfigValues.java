package dev.argus.probe.engine.configfile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * Resolves the references of one configuration file: {@code ${name}} is a variable declared in the file's
 * {@code variables} (possibly overridden by a Spring property), {@code ${env:NAME}} an environment variable, and
 * {@code {slot}} a value known only at run time (e.g. {@code {file}}), allowed only where the field says so.
 * A {@code {} not followed by a name and {@code }} stays literal, so regexes such as {@code x{2}} need no escape.
 *
 * <p>An environment variable that is not set is not a syntax error: the engine is built, and reports it from
 * {@code verify()}, so a probe whose selection does not include that engine still starts.
 */
public final class ConfigValues {

    static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}|\\{([A-Za-z][A-Za-z0-9_.-]*)}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern ENV = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Function<String, String> environment;
    private final Map<String, String> missingEnvironment = new LinkedHashMap<>();

    /**
     * @param declared    the file's {@code variables}, values may use {@code ${env:NAME}}
     * @param overrides   values replacing declared ones (from {@code argus.probe.<adapter>.variables.<engine>})
     * @param environment looks environment variables up, {@code System::getenv} outside tests
     */
    public ConfigValues(Map<String, String> declared, Map<String, String> overrides,
                        Function<String, String> environment, ConfigCheck check) {
        this.environment = environment;
        Map<String, String> given = declared == null ? Map.of() : declared;
        given.forEach((name, value) -> {
            String field = "variables." + name;
            if (!VARIABLE.matcher(name).matches()) {
                check.fail(field, "has an invalid name: a variable name is letters, digits, '_' or '-', starting"
                        + " with a letter");
            } else if (value == null) {
                check.fail(field, "has no value");
            } else {
                variables.put(name, template(field, value, Set.of(), check, false).text());
            }
        });
        if (overrides != null) {
            overrides.forEach((name, value) -> {
                if (!variables.containsKey(name)) {
                    check.failFile("a variable override names '" + name + "', which the file does not declare"
                            + " (declared: " + (variables.isEmpty() ? "none" : String.join(", ",
                            variables.keySet())) + ")");
                } else {
                    variables.put(name, value);
                }
            });
        }
    }

    /** The variables after overrides, for logs (never contains secrets: those are {@code ${env:...}}). */
    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** Environment variables referenced but not set, each with the first field that uses it. */
    public Map<String, String> missingEnvironment() {
        return Map.copyOf(missingEnvironment);
    }

    /** A sentence naming the first missing environment variable, or null when all are set. */
    public String missingEnvironmentProblem() {
        if (missingEnvironment.isEmpty()) {
            return null;
        }
        var first = missingEnvironment.entrySet().iterator().next();
        return "environment variable " + first.getKey() + " (used by field '" + first.getValue() + "') is not set";
    }

    /**
     * Parses a field's text.
     *
     * @param slots the run-time slots allowed in this field, e.g. {@code file}; others are problems
     * @return the template; after a problem, a best-effort one (the file is rejected anyway)
     */
    public Template template(String field, String text, Set<String> slots, ConfigCheck check) {
        return template(field, text, slots, check, true);
    }

    /** Parses a field that has no run-time slot and returns its text. */
    public String resolve(String field, String text, ConfigCheck check) {
        return text == null ? null : template(field, text, Set.of(), check).text();
    }

    /** Parses a duration field that may use variables, e.g. {@code timeout: ${scan-timeout}}; see ConfigCheck. */
    public Duration duration(String field, String text, Duration fallback, Duration min, Duration max,
                             ConfigCheck check) {
        return check.duration(field, resolve(field, text, check), fallback, min, max);
    }

    /** Parses a size field that may use variables; see ConfigCheck. */
    public long dataSize(String field, String text, DataSize fallback, DataSize min, DataSize max,
                         ConfigCheck check) {
        return check.dataSize(field, resolve(field, text, check), fallback, min, max);
    }

    /** Parses every element of a list field, naming elements {@code field[i]}. */
    public List<Template> templates(String field, List<String> texts, Set<String> slots, ConfigCheck check) {
        List<Template> templates = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                check.fail(field + "[" + i + "]", "is empty");
                continue;
            }
            templates.add(template(field + "[" + i + "]", text, slots, check));
        }
        return templates;
    }

    private Template template(String field, String text, Set<String> slots, ConfigCheck check,
                              boolean variablesAllowed) {
        List<Object> parts = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(text);
        int last = 0;
        StringBuilder literal = new StringBuilder();
        while (matcher.find()) {
            literal.append(text, last, matcher.start());
            last = matcher.end();
            if (matcher.group(2) != null) {
                String slot = matcher.group(2);
                if (slots.contains(slot)) {
                    flush(literal, parts);
                    parts.add(new Template.Slot(slot));
                } else {
                    check.fail(field, "uses the unknown placeholder {" + slot + "}; " + (slots.isEmpty()
                            ? "no {placeholder} is available in this field"
                            : "available here: " + String.join(", ", new TreeSet<>(slots).stream()
                            .map(s -> "{" + s + "}").toList())));
                }
                continue;
            }
            String reference = matcher.group(1).strip();
            Matcher env = ENV.matcher(reference);
            if (env.matches()) {
                String value = environment.apply(env.group(1));
                if (value == null) {
                    missingEnvironment.putIfAbsent(env.group(1), field);
                } else {
                    literal.append(value);
                }
            } else if (!variablesAllowed) {
                check.fail(field, "refers to ${" + reference + "}; a variable's value may only use ${env:NAME}");
            } else if (variables.containsKey(reference)) {
                literal.append(variables.get(reference));
            } else {
                check.fail(field, "uses the unknown placeholder ${" + reference + "}; " + (variables.isEmpty()
                        ? "the file declares no variables" : "declared variables: " + String.join(", ",
                        new TreeSet<>(variables.keySet())))
                        + " (environment variables are written ${env:NAME})");
            }
        }
        literal.append(text.substring(last));
        flush(literal, parts);
        return new Template(text, parts);
    }

    private static void flush(StringBuilder literal, List<Object> parts) {
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }
}
