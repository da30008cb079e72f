package dev.argus.frontend.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.common.message.Category;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** How many engines answered each category for a file; all seven categories, zeros included. */
public record Stats(int malicious, int suspicious, int undetected, int harmless, int timeout, int failure,
                    @JsonProperty("type-unsupported") int typeUnsupported) {

    /** Counts the categories of the given results. */
    public static Stats of(Collection<ResultView> results) {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        results.forEach(r -> counts.merge(r.category(), 1, Integer::sum));
        return new Stats(
                counts.getOrDefault(Category.MALICIOUS, 0),
                counts.getOrDefault(Category.SUSPICIOUS, 0),
                counts.getOrDefault(Category.UNDETECTED, 0),
                counts.getOrDefault(Category.HARMLESS, 0),
                counts.getOrDefault(Category.TIMEOUT, 0),
                counts.getOrDefault(Category.FAILURE, 0),
                counts.getOrDefault(Category.TYPE_UNSUPPORTED, 0));
    }
}
