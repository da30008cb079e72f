package dev.argus.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTests {

    @Test
    void nearestRankOfOneToHundred() {
        Percentiles values = new Percentiles(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList());
        assertThat(values.at(50)).isEqualTo(50.0);
        assertThat(values.at(95)).isEqualTo(95.0);
        assertThat(values.at(99)).isEqualTo(99.0);
        assertThat(values.at(100)).isEqualTo(100.0);
        assertThat(values.mean()).isEqualTo(50.5);
    }

    @Test
    void smallSampleRoundsRankUp() {
        Percentiles values = new Percentiles(List.of(10.0, 30.0, 20.0));
        assertThat(values.at(50)).isEqualTo(20.0);
        assertThat(values.at(99)).isEqualTo(30.0);
        assertThat(values.at(1)).isEqualTo(10.0);
    }

    @Test
    void emptySampleIsNotANumber() {
        assertThat(new Percentiles(List.of()).at(50)).isNaN();
    }

    @Test
    void rejectsPercentilesOutsideTheRange() {
        assertThatThrownBy(() -> new Percentiles(List.of(1.0)).at(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
