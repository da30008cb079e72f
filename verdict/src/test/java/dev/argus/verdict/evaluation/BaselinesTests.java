package dev.argus.verdict.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.verdict.tree.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinesTests {

    private static final List<String> ENGINES = List.of("a", "b", "c", "d");
    private static final Sample ONE_OF_THREE = new Sample(
            Map.of("a", "malicious", "b", "undetected", "c", "undetected", "d", "failure"), false);
    private static final Sample TWO_OF_THREE = new Sample(
            Map.of("a", "malicious", "b", "malicious", "c", "undetected", "d", "timeout"), true);

    @Test
    void anyEngineFlagsAFileOneEngineDetects() {
        Classifier any = Baselines.anyEngine().train(List.of(), ENGINES);

        assertThat(any.isMalicious(ONE_OF_THREE)).isTrue();
        assertThat(any.isMalicious(new Sample(Map.of("a", "suspicious"), false))).isFalse();
    }

    @Test
    void majorityCountsOnlyEnginesThatReachedAConclusion() {
        Classifier majority = Baselines.majority().train(List.of(), ENGINES);

        assertThat(majority.isMalicious(ONE_OF_THREE)).isFalse();
        assertThat(majority.isMalicious(TWO_OF_THREE)).isTrue();
        assertThat(majority.isMalicious(new Sample(Map.of("a", "failure"), false))).isFalse();
    }

    @Test
    void thresholdNeedsKDetections() {
        Classifier two = Baselines.threshold(2).train(List.of(), ENGINES);

        assertThat(two.isMalicious(ONE_OF_THREE)).isFalse();
        assertThat(two.isMalicious(TWO_OF_THREE)).isTrue();
        assertThat(two.isMalicious(new Sample(Map.of("a", "malicious", "b", "failure"), true)))
                .as("the only engine that concluded detects it").isTrue();
    }
}
