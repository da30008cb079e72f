package dev.argus.frontend.vt;

import dev.argus.common.message.Category;
import dev.argus.frontend.scan.ResultView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argus's result categories in VirusTotal's vocabulary. Argus already uses VirusTotal v3's names, so each maps to
 * the category of the same name; VirusTotal's {@code confirmed-timeout} is never produced (Argus does not retry
 * a timed-out engine under a second deadline) and is counted as 0.
 */
final class VtCategories {

    /** VirusTotal v3's categories, in the order its {@code stats} objects list them. */
    static final List<String> ALL = List.of("malicious", "suspicious", "undetected", "harmless", "timeout",
            "confirmed-timeout", "failure", "type-unsupported");

    private VtCategories() {
    }

    /** VirusTotal's category for an Argus category. */
    static String of(Category category) {
        return switch (category) {
            case MALICIOUS -> "malicious";
            case SUSPICIOUS -> "suspicious";
            case UNDETECTED -> "undetected";
            case HARMLESS -> "harmless";
            case TIMEOUT -> "timeout";
            case FAILURE -> "failure";
            case TYPE_UNSUPPORTED -> "type-unsupported";
        };
    }

    /** VirusTotal's {@code stats}: every category, zeros included, counted over the results. */
    static Map<String, Integer> stats(Map<String, ResultView> results) {
        Map<String, Integer> stats = new LinkedHashMap<>();
        ALL.forEach(category -> stats.put(category, 0));
        results.values().forEach(result -> stats.merge(of(result.category()), 1, Integer::sum));
        return stats;
    }
}
