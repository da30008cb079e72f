package dev.argus.frontend.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.frontend.model.StoredModel;
import dev.argus.frontend.model.VerdictProperties;
import dev.argus.verdict.model.TrainedModel;
import dev.argus.verdict.tree.ClassCounts;
import dev.argus.verdict.tree.DecisionTree;
import dev.argus.verdict.tree.TreeNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class VerdictsTests {

    private static final VerdictProperties PROPERTIES = new VerdictProperties(50, 10, 5, 6, 10, 2, 0.5, 0.7, 0.3,
            DataSize.ofMegabytes(1), Duration.ofSeconds(30));

    /** clamav=malicious: 98 of 100 malicious; clamav=undetected then yara decides. */
    private static final StoredModel MODEL = new StoredModel(7, Instant.now(), 0, new TrainedModel(200,
            new DecisionTree(new TreeNode("clamav", 110, 90, Map.of(
                    "malicious", TreeNode.leaf(new ClassCounts(98, 2)),
                    "undetected", new TreeNode("yara", 12, 88, Map.of(
                            "malicious", TreeNode.leaf(new ClassCounts(6, 4)),
                            "undetected", TreeNode.leaf(new ClassCounts(6, 84)))))), List.of("clamav", "yara")),
            List.of(), null));

    private final Verdicts withModel = new Verdicts(() -> Optional.of(MODEL), PROPERTIES, probe -> false);
    private final Verdicts withoutModel = new Verdicts(Optional::empty, PROPERTIES,
            probe -> probe.equals("metadata") || probe.equals("executable"));

    @Test
    void aModelVerdictFollowsTheTreeAndExplainsThePath() {
        Verdict verdict = withModel.judge(categories("clamav", Category.MALICIOUS, "yara", Category.UNDETECTED));

        assertThat(verdict.label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(verdict.method()).isEqualTo("model:7");
        assertThat(verdict.confidence()).isEqualTo(0.971);
        assertThat(verdict.explanation()).containsExactly("clamav=malicious",
                "98 of 100 training files like it were malicious");
    }

    @Test
    void aLeafBetweenTheCutOffsIsSuspiciousAndALowOneClean() {
        Verdict suspicious = withModel.judge(categories("clamav", Category.UNDETECTED, "yara", Category.MALICIOUS));
        Verdict clean = withModel.judge(categories("clamav", Category.UNDETECTED, "yara", Category.UNDETECTED));

        assertThat(suspicious.label()).isEqualTo(Verdict.Label.SUSPICIOUS);
        assertThat(suspicious.confidence()).isEqualTo(0.583);
        assertThat(clean.label()).isEqualTo(Verdict.Label.CLEAN);
        assertThat(clean.confidence()).isEqualTo(0.924);
        assertThat(clean.explanation()).startsWith("clamav=undetected", "yara=undetected");
    }

    @Test
    void anEngineThatDidNotRunFollowsTheNotRunBranchOrFallsBackToTheParent() {
        Verdict verdict = withModel.judge(categories("yara", Category.UNDETECTED));

        assertThat(verdict.explanation()).first().isEqualTo("clamav=not-run (unseen in training)");
        assertThat(verdict.label()).isEqualTo(Verdict.Label.SUSPICIOUS);
    }

    @Test
    void withoutAModelTheThresholdDecides() {
        Verdict two = withoutModel.judge(categories("clamav", Category.MALICIOUS, "yara", Category.MALICIOUS,
                "hashlist", Category.UNDETECTED));
        Verdict oneOfThree = withoutModel.judge(categories("clamav", Category.MALICIOUS, "yara", Category.UNDETECTED,
                "hashlist", Category.UNDETECTED));
        Verdict none = withoutModel.judge(categories("clamav", Category.UNDETECTED, "yara", Category.TIMEOUT));

        assertThat(two.label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(two.method()).isEqualTo("threshold");
        assertThat(two.confidence()).isEqualTo(0.667);
        assertThat(two.explanation()).containsExactly("clamav=malicious", "yara=malicious",
                "2 of 3 engines detect it (threshold 2)");
        assertThat(oneOfThree.label()).as("1 of 3 is under both the threshold and half").isEqualTo(
                Verdict.Label.SUSPICIOUS);
        assertThat(oneOfThree.confidence()).isEqualTo(0.333);
        assertThat(none.label()).isEqualTo(Verdict.Label.CLEAN);
    }

    @Test
    void withoutAModelOneOfTwoEnginesIsHalfOfThemAndEnough() {
        Verdict verdict = withoutModel.judge(categories("clamav", Category.MALICIOUS, "yara", Category.UNDETECTED));

        assertThat(verdict.label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(verdict.confidence()).isEqualTo(0.5);
        assertThat(verdict.explanation()).containsExactly("clamav=malicious", "1 of 2 engines detect it (threshold 1)");
    }

    @Test
    void withoutAModelManyEnginesNeedTheFullThreshold() {
        Verdict one = withoutModel.judge(categories("a", Category.MALICIOUS, "b", Category.UNDETECTED,
                "c", Category.UNDETECTED, "d", Category.UNDETECTED, "e", Category.UNDETECTED, "f", Category.UNDETECTED,
                "g", Category.UNDETECTED, "h", Category.UNDETECTED));
        Verdict two = withoutModel.judge(categories("a", Category.MALICIOUS, "b", Category.MALICIOUS,
                "c", Category.UNDETECTED, "d", Category.UNDETECTED, "e", Category.UNDETECTED, "f", Category.UNDETECTED,
                "g", Category.UNDETECTED, "h", Category.UNDETECTED));

        assertThat(one.label()).isEqualTo(Verdict.Label.SUSPICIOUS);
        assertThat(one.explanation()).last().isEqualTo("1 of 8 engines detect it (threshold 2)");
        assertThat(two.label()).isEqualTo(Verdict.Label.MALICIOUS);
    }

    @Test
    void withoutAModelOneAntivirusNextToEnginesThatOnlyDescribeFilesIsEnough() {
        Verdict verdict = withoutModel.judge(categories("clamav", Category.MALICIOUS, "metadata", Category.UNDETECTED,
                "executable", Category.UNDETECTED));

        assertThat(verdict.label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(verdict.explanation()).containsExactly("clamav=malicious", "1 of 1 engines detect it (threshold 1)",
                "not counted, they only describe files: metadata, executable");
    }

    @Test
    void withoutAModelASingleEngineThatDetectsIsEnough() {
        Verdict verdict = withoutModel.judge(categories("clamav", Category.MALICIOUS, "yara", Category.FAILURE));

        assertThat(verdict.label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(verdict.confidence()).isEqualTo(1.0);
        assertThat(verdict.explanation()).containsExactly("clamav=malicious", "1 of 1 engines detect it (threshold 1)");
    }

    @Test
    void withoutAModelAnEngineThatOnlyDescribesFilesIsNoCleanVoteButCountsWhenItFlags() {
        Verdict eicar = withoutModel.judge(categories("clamav", Category.MALICIOUS, "yara", Category.MALICIOUS,
                "metadata", Category.UNDETECTED, "executable", Category.TYPE_UNSUPPORTED));
        Verdict packed = withoutModel.judge(categories("clamav", Category.UNDETECTED, "executable",
                Category.SUSPICIOUS));
        Verdict described = withoutModel.judge(categories("clamav", Category.FAILURE, "metadata",
                Category.UNDETECTED));

        assertThat(eicar.label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(eicar.confidence()).isEqualTo(1.0);
        assertThat(eicar.explanation()).containsExactly("clamav=malicious", "yara=malicious",
                "2 of 2 engines detect it (threshold 1)", "not counted, they only describe files: metadata");
        assertThat(packed.label()).isEqualTo(Verdict.Label.SUSPICIOUS);
        assertThat(packed.confidence()).isEqualTo(0.5);
        assertThat(described.label()).isEqualTo(Verdict.Label.UNKNOWN);
        assertThat(described.confidence()).isZero();
    }

    @Test
    void isUnknownWhenNoEngineReachedAConclusion() {
        Verdict verdict = withModel.judge(categories("clamav", Category.FAILURE, "yara", Category.TIMEOUT));

        assertThat(verdict.label()).isEqualTo(Verdict.Label.UNKNOWN);
        assertThat(verdict.confidence()).isZero();
        assertThat(verdict.method()).isEqualTo("model:7");
    }

    private static Map<String, Category> categories(Object... pairs) {
        Map<String, Category> categories = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            categories.put((String) pairs[i], (Category) pairs[i + 1]);
        }
        return categories;
    }
}
