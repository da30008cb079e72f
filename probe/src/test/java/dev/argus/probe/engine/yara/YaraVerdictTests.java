package dev.argus.probe.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YaraVerdictTests {

    private static RuleMatch rule(String name, Map<String, Object> meta) {
        return new RuleMatch("ns", name, List.of(), meta);
    }

    @Test
    void noMatchIsUndetected() {
        assertThat(YaraVerdict.of(List.of())).isEqualTo(new YaraVerdict(Category.UNDETECTED, null));
    }

    @Test
    void aRuleWithoutCategoryIsMaliciousNamedAfterTheFirstRule() {
        YaraVerdict verdict = YaraVerdict.of(List.of(rule("First", Map.of()), rule("Second", Map.of())));

        assertThat(verdict).isEqualTo(new YaraVerdict(Category.MALICIOUS, "First"));
    }

    @Test
    void onlySuspiciousRulesAreSuspiciousInAnyCase() {
        YaraVerdict verdict = YaraVerdict.of(List.of(rule("Odd", Map.of("category", "Suspicious")),
                rule("Odder", Map.of("category", "suspicious"))));

        assertThat(verdict).isEqualTo(new YaraVerdict(Category.SUSPICIOUS, "Odd"));
    }

    @Test
    void aMaliciousRuleWinsAndNamesTheThreatEvenAfterASuspiciousOne() {
        YaraVerdict verdict = YaraVerdict.of(List.of(rule("Odd", Map.of("category", "suspicious")),
                rule("Bad", Map.of("category", "malicious"))));

        assertThat(verdict).isEqualTo(new YaraVerdict(Category.MALICIOUS, "Bad"));
    }

    @Test
    void aCategoryThatIsNotTextIsMalicious() {
        assertThat(YaraVerdict.of(List.of(rule("Flag", Map.of("category", true)))).category())
                .isEqualTo(Category.MALICIOUS);
    }
}
