package dev.argus.verdict.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Id3TrainerTests {

    private static final List<String> ENGINES = List.of("noisy", "good");

    /** "good" tells the truth except on two files; "noisy" says malicious on every other file. */
    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean malicious = i % 2 == 0;
            String good = (malicious ^ (i == 3 || i == 4)) ? "malicious" : "undetected";
            String noisy = i % 4 < 2 ? "malicious" : "undetected";
            samples.add(new Sample(Map.of("noisy", noisy, "good", good), malicious));
        }
        return samples;
    }

    @Test
    void splitsTheRootOnTheEngineWithTheHighestInformationGain() {
        DecisionTree tree = new Id3Trainer(new TreeOptions(1, 5)).train(samples(), ENGINES);

        assertThat(tree.root().probe()).isEqualTo("good");
        assertThat(tree.root().counts()).isEqualTo(new ClassCounts(20, 20));
        assertThat(tree.depthOf("good")).isZero();
    }

    @Test
    void leavesKeepClassCountsAndGiveALaplaceSmoothedConfidence() {
        DecisionTree tree = new Id3Trainer(new TreeOptions(1, 0)).train(samples(), ENGINES);

        Decision decision = tree.classify(Map.of("good", "malicious", "noisy", "undetected"));

        assertThat(decision.counts()).isEqualTo(new ClassCounts(19, 1));
        assertThat(decision.maliciousProbability()).isEqualTo(20.0 / 22.0);
        assertThat(decision.path()).containsExactly("good=malicious");
        assertThat(decision.malicious()).isTrue();
    }

    @Test
    void anAnswerUnseenInTrainingFallsBackToTheParentsCounts() {
        DecisionTree tree = new Id3Trainer(new TreeOptions(1, 0)).train(samples(), ENGINES);

        Decision decision = tree.classify(Map.of("good", "timeout"));

        assertThat(decision.counts()).isEqualTo(new ClassCounts(20, 20));
        assertThat(decision.maliciousProbability()).isEqualTo(0.5);
        assertThat(decision.path()).containsExactly("good=timeout (unseen in training)");
    }

    @Test
    void anEngineThatDidNotRunIsAValueOfItsOwn() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(new Sample(i < 10 ? Map.of() : Map.of("late", "undetected"), i < 10));
        }

        DecisionTree tree = new Id3Trainer(new TreeOptions(1, 3)).train(samples, List.of("late"));

        assertThat(tree.root().children()).containsOnlyKeys(Sample.NOT_RUN, "undetected");
        assertThat(tree.classify(Map.of()).path()).containsExactly("late=not-run");
        assertThat(tree.classify(Map.of()).malicious()).isTrue();
    }

    @Test
    void doesNotSplitANodeWithFewerThanTwiceTheMinimumFiles() {
        DecisionTree stump = new Id3Trainer(new TreeOptions(21, 5)).train(samples(), ENGINES);
        assertThat(stump.root().isLeaf()).isTrue();

        DecisionTree oneLevel = new Id3Trainer(new TreeOptions(11, 5)).train(samples(), ENGINES);
        assertThat(oneLevel.root().probe()).isEqualTo("good");
        assertThat(oneLevel.root().children().values()).allMatch(TreeNode::isLeaf);
    }

    @Test
    void growsNoChildForAnAnswerTooFewFilesGave() {
        List<Sample> samples = new ArrayList<>(samples());
        samples.add(new Sample(Map.of("good", "timeout", "noisy", "undetected"), true));
        samples.add(new Sample(Map.of("good", "timeout", "noisy", "undetected"), true));

        DecisionTree tree = new Id3Trainer(new TreeOptions(3, 5)).train(samples, ENGINES);

        assertThat(tree.root().children()).containsOnlyKeys("malicious", "undetected");
        assertThat(tree.classify(Map.of("good", "timeout")).counts()).isEqualTo(new ClassCounts(22, 20));
    }

    @Test
    void maximumDepthLimitsTheTree() {
        DecisionTree tree = new Id3Trainer(new TreeOptions(1, 0)).train(samples(), ENGINES);

        assertThat(tree.root().children().values()).allMatch(TreeNode::isLeaf);
        assertThat(tree.depthOf("noisy")).isEqualTo(-1);
    }

    @Test
    void refusesToTrainOnNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Id3Trainer(TreeOptions.DEFAULTS)
                .train(List.of(), ENGINES));
    }
}
