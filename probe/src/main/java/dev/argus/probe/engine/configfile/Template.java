package dev.argus.probe.engine.configfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A configuration string with run-time slots such as {@code {file}} or {@code {jobId}}, whose configuration
 * references ({@code ${name}}, {@code ${env:NAME}}) were already replaced by {@link ConfigValues}. Immutable and
 * thread-safe.
 */
public final class Template {

    private final String source;
    private final List<Object> parts;

    Template(String source, List<Object> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** A template without slots. */
    public static Template literal(String text) {
        return new Template(text, List.of(text));
    }

    /** The text as written in the configuration file (with the secrets it may reference unresolved). */
    public String source() {
        return source;
    }

    /** The slot names used, e.g. {@code [file]}. */
    public Set<String> slots() {
        return parts.stream().filter(Slot.class::isInstance).map(p -> ((Slot) p).name())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean uses(String slot) {
        return slots().contains(slot);
    }

    /**
     * Fills the slots.
     *
     * @throws IllegalArgumentException when a slot has no value
     */
    public String expand(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Slot slot) {
                String value = values.get(slot.name());
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + slot.name() + "} in '" + source + "'");
                }
                text.append(value);
            } else {
                text.append((String) part);
            }
        }
        return text.toString();
    }

    /** Expands a template without slots. */
    public String text() {
        return expand(Map.of());
    }

    /** Expands every template of a list, e.g. a command line. */
    public static List<String> expandAll(List<Template> templates, Map<String, String> values) {
        List<String> expanded = new ArrayList<>(templates.size());
        templates.forEach(template -> expanded.add(template.expand(values)));
        return List.copyOf(expanded);
    }

    @Override
    public String toString() {
        return source;
    }

    record Slot(String name) {
    }
}
