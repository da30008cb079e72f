package dev.argus.probe.engine.yara;

import dev.argus.common.message.Category;
import java.util.List;

/**
 * The category and threat name for the rules that matched a file: no rule is {@code undetected}; only rules whose
 * meta says {@code category = "suspicious"} is {@code suspicious}; any other rule makes it {@code malicious}. The
 * threat is the first matching rule of the deciding kind, so a suspicious rule listed before a malicious one does not
 * name a malicious result.
 *
 * @param category the result's category
 * @param threat   the deciding rule's name, or null when nothing matched
 */
record YaraVerdict(Category category, String threat) {

    static YaraVerdict of(List<RuleMatch> matches) {
        if (matches.isEmpty()) {
            return new YaraVerdict(Category.UNDETECTED, null);
        }
        return matches.stream().filter(match -> !match.isSuspicious()).findFirst()
                .map(malicious -> new YaraVerdict(Category.MALICIOUS, malicious.rule()))
                .orElseGet(() -> new YaraVerdict(Category.SUSPICIOUS, matches.getFirst().rule()));
    }
}
