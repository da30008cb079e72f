package dev.argus.probe.engine.yara;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule that matched a file, as {@code yara -e -g -m} prints it.
 *
 * @param namespace the rule's namespace (the rule file's name, see {@link RuleSetCompiler}), or null
 * @param rule      the rule's identifier, e.g. {@code Argus_Test_Marker}
 * @param tags      the rule's tags, in declaration order
 * @param meta      the rule's metadata in declaration order: {@link String}, {@link Long} or {@link Boolean} values
 */
record RuleMatch(String namespace, String rule, List<String> tags, Map<String, Object> meta) {

    /** The meta key that can make a rule's match {@code suspicious} instead of {@code malicious}. */
    static final String CATEGORY_META = "category";

    RuleMatch {
        tags = List.copyOf(tags);
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /** True when the rule's meta says {@code category = "suspicious"} (any case). */
    boolean isSuspicious() {
        return meta.get(CATEGORY_META) instanceof String category
                && category.strip().toLowerCase(Locale.ROOT).equals("suspicious");
    }

    /** The form shown in a result's {@code details.rules}. */
    Map<String, Object> toDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", rule);
        if (namespace != null) {
            details.put("namespace", namespace);
        }
        details.put("tags", tags);
        details.put("meta", meta);
        return Collections.unmodifiableMap(details);
    }
}
