package dev.argus.verdict.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntropyTests {

    @Test
    void entropyIsOneBitForAnEvenSplitAndZeroForOneClass() {
        assertThat(Entropy.of(5, 5)).isEqualTo(1.0, within(1e-12));
        assertThat(Entropy.of(7, 0)).isZero();
        assertThat(Entropy.of(1, 3)).isEqualTo(0.8112781, within(1e-6));
    }

    @Test
    void aPerfectEngineGainsAllTheEntropyAndAConstantOneNothing() {
        List<Sample> samples = List.of(
                new Sample(Map.of("perfect", "malicious", "constant", "undetected"), true),
                new Sample(Map.of("perfect", "malicious", "constant", "undetected"), true),
                new Sample(Map.of("perfect", "undetected", "constant", "undetected"), false),
                new Sample(Map.of("perfect", "undetected", "constant", "undetected"), false));

        assertThat(Entropy.informationGain(samples, "perfect")).isEqualTo(1.0, within(1e-12));
        assertThat(Entropy.informationGain(samples, "constant")).isZero();
    }
}
