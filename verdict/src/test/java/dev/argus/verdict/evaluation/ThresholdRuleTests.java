package dev.argus.verdict.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdRuleTests {

    private final ThresholdRule rule = ThresholdRule.DEFAULT;

    @Test
    void oneEngineThatConcludedNeedsItsOwnDetection() {
        assertThat(rule.needed(1)).isEqualTo(1);
        assertThat(rule.malicious(1, 1)).isTrue();
        assertThat(rule.malicious(0, 1)).isFalse();
    }

    @Test
    void twoEnginesNeedOneDetectionHalfOfThem() {
        assertThat(rule.needed(2)).isEqualTo(1);
        assertThat(rule.malicious(1, 2)).isTrue();
    }

    @Test
    void threeOrMoreEnginesNeedTheThreshold() {
        assertThat(rule.needed(3)).isEqualTo(2);
        assertThat(rule.needed(8)).isEqualTo(2);
        assertThat(rule.needed(70)).isEqualTo(2);
        assertThat(rule.malicious(1, 8)).isFalse();
        assertThat(rule.malicious(2, 8)).isTrue();
    }

    @Test
    void noEngineThatConcludedIsNeverMalicious() {
        assertThat(rule.malicious(0, 0)).isFalse();
    }

    @Test
    void fractionOneIsTheOldRuleAllOfFewerEnginesThanTheThreshold() {
        ThresholdRule old = new ThresholdRule(2, 1.0);

        assertThat(old.needed(1)).isEqualTo(1);
        assertThat(old.needed(2)).isEqualTo(2);
        assertThat(old.needed(5)).isEqualTo(2);
        assertThat(new ThresholdRule(5, 0.5).needed(6)).isEqualTo(3);
    }

    @Test
    void refusesAThresholdBelowOneAndAFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> new ThresholdRule(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdRule(2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdRule(2, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
