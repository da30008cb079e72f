package dev.argus.verdict.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTests {

    @Test
    void computesAccuracyPrecisionRecallAndF1FromTheConfusionMatrix() {
        Metrics metrics = Metrics.of(8, 2, 85, 5);

        assertThat(metrics.accuracy()).isEqualTo(0.93, within(1e-12));
        assertThat(metrics.precision()).isEqualTo(0.8, within(1e-12));
        assertThat(metrics.recall()).isEqualTo(8.0 / 13, within(1e-12));
        assertThat(metrics.f1()).isEqualTo(2 * 0.8 * (8.0 / 13) / (0.8 + 8.0 / 13), within(1e-12));
    }

    @Test
    void aClassifierThatNeverSaysMaliciousHasZeroPrecisionAndF1() {
        Metrics metrics = Metrics.of(0, 0, 90, 10);

        assertThat(metrics.precision()).isZero();
        assertThat(metrics.f1()).isZero();
        assertThat(metrics.accuracy()).isEqualTo(0.9, within(1e-12));
    }
}
