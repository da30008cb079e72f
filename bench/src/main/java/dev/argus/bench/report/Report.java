package dev.argus.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects the run's figures as they come: a nested JSON document (every figure, by section) and a markdown
 * table (the headline figures with their targets), both written under the results directory and the table
 * printed.
 */
public final class Report {

    private final Map<String, Object> document = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();

    /** Sets {@code section.key} in the JSON document. */
    public void put(String section, String key, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) document.computeIfAbsent(section,
                name -> new LinkedHashMap<String, Object>());
        values.put(key, value instanceof Double number ? round(number) : value);
        values.replaceAll((name, v) -> v instanceof Double d && d.isNaN() ? null : v);
    }

    /** A number set earlier, or NaN when it was not measured. */
    public double number(String section, String key) {
        Object values = document.get(section);
        Object value = values instanceof Map<?, ?> map ? map.get(key) : null;
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** Adds a headline row: what, the measured value, and the target (or "" when there is none). */
    public void row(String figure, String value, String target) {
        rows.add("| " + figure + " | " + value + " | " + target + " |");
    }

    public String markdown() {
        StringBuilder table = new StringBuilder("| Figure | Measured | Target |\n| --- | ---: | --- |\n");
        rows.forEach(row -> table.append(row).append('\n'));
        return table.toString();
    }

    /** Writes {@code <stem>.json} and {@code <stem>.md} into {@code directory}. */
    public void write(Path directory, String stem, String heading) throws IOException {
        Files.createDirectories(directory);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(directory.resolve(stem + ".json"), json.writeValueAsString(document));
        Files.writeString(directory.resolve(stem + ".md"), "# " + heading + "\n\n" + markdown());
    }

    /** A number with up to two decimals, for tables. */
    public static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? value : Math.round(value * 100) / 100.0;
    }
}
