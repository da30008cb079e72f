package dev.argus.frontend.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.frontend.model.VerdictProperties;
import dev.argus.frontend.override.OverrideAction;
import dev.argus.frontend.override.OverrideSet;
import dev.argus.frontend.override.VerdictOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** How overrides change a verdict computed from the engines (the API side is in OverrideIntegrationTests). */
class OverriddenVerdictsTests {

    private static final VerdictProperties PROPERTIES = new VerdictProperties(50, 10, 5, 6, 10, 2, 0.5, 0.7, 0.3,
            DataSize.ofMegabytes(1), Duration.ofSeconds(30));
    private static final String FILE = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);

    private static Verdicts with(VerdictOverride... overrides) {
        return new Verdicts(Optional::empty, PROPERTIES, probe -> false, () -> new OverrideSet(List.of(overrides)));
    }

    private static VerdictOverride onFile(OverrideAction action) {
        return new VerdictOverride(1, FILE, null, null, action, "vendor says so", "alice", Instant.EPOCH);
    }

    @Test
    void anAllowListedFileIsCleanAndSaysByWhomAndWhy() {
        Verdict verdict = with(onFile(OverrideAction.ALLOW)).judge(FILE,
                answers("clamav", Category.MALICIOUS, "Eicar-Test-Signature", "yara", Category.MALICIOUS, "eicar"));

        assertThat(verdict.label()).isEqualTo(Verdict.Label.CLEAN);
        assertThat(verdict.method()).isEqualTo("override");
        assertThat(verdict.confidence()).isEqualTo(1.0);
        assertThat(verdict.explanation()).startsWith("allow-listed by alice: vendor says so",
                "the engines alone: malicious (threshold)");
    }

    @Test
    void aBlockListedFileIsMaliciousAndOnlyThatFile() {
        Verdicts verdicts = with(onFile(OverrideAction.BLOCK));
        Map<String, Answer> clean = answers("clamav", Category.UNDETECTED, null);

        assertThat(verdicts.judge(FILE, clean).label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(verdicts.judge(FILE, clean).explanation()).first()
                .isEqualTo("block-listed by alice: vendor says so");
        assertThat(verdicts.judge(OTHER, clean).label()).isEqualTo(Verdict.Label.CLEAN);
    }

    @Test
    void aFalsePositiveDropsThatEnginesDetectionOfThatThreatOnly() {
        Verdicts verdicts = with(new VerdictOverride(2, null, "clamav", "Eicar-Test-Signature",
                OverrideAction.FALSE_POSITIVE, "test file", "bob", Instant.EPOCH));

        Verdict dropped = verdicts.judge(FILE, answers("clamav", Category.MALICIOUS, "Eicar-Test-Signature"));
        Verdict otherThreat = verdicts.judge(FILE, answers("clamav", Category.MALICIOUS, "Win.Trojan.Agent"));
        Verdict otherEngine = verdicts.judge(FILE, answers("sophos", Category.MALICIOUS, "Eicar-Test-Signature"));

        assertThat(dropped.label()).isEqualTo(Verdict.Label.CLEAN);
        assertThat(dropped.method()).isEqualTo("threshold");
        assertThat(dropped.explanation()).first().isEqualTo(
                "clamav Eicar-Test-Signature marked a false positive by bob: test file (counted as undetected)");
        assertThat(otherThreat.label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(otherEngine.label()).isEqualTo(Verdict.Label.MALICIOUS);
    }

    @Test
    void withoutOverridesTheEnginesDecide() {
        Verdict verdict = with().judge(FILE, answers("clamav", Category.MALICIOUS, "Eicar-Test-Signature"));

        assertThat(verdict.label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(verdict.method()).isEqualTo("threshold");
    }

    private record Answer(Category category, String result) implements EngineAnswer {
    }

    private static Map<String, Answer> answers(Object... triples) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            answers.put((String) triples[i], new Answer((Category) triples[i + 1], (String) triples[i + 2]));
        }
        return answers;
    }
}
