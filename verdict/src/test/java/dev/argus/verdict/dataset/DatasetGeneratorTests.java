package dev.argus.verdict.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.verdict.tree.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTests {

    private static final List<SimulatedEngine> ENGINES = DatasetGenerator.standardEngines();

    @Test
    void theSameSeedGivesTheSameFiles() {
        assertThat(new DatasetGenerator(3, 0.4, 0.8).generate(200, ENGINES))
                .isEqualTo(new DatasetGenerator(3, 0.4, 0.8).generate(200, ENGINES));
        assertThat(new DatasetGenerator(3, 0.4, 0.8).generate(200, ENGINES))
                .isNotEqualTo(new DatasetGenerator(4, 0.4, 0.8).generate(200, ENGINES));
    }

    @Test
    void enginesBehaveAsConfigured() {
        List<Sample> samples = new DatasetGenerator(11, 0.4, 0.8).generate(20_000, ENGINES);
        List<Sample> malicious = samples.stream().filter(Sample::malicious).toList();
        List<Sample> clean = samples.stream().filter(s -> !s.malicious()).toList();

        assertThat(malicious.size() / 20_000.0).isEqualTo(0.4, within(0.02));
        assertThat(share(malicious, "strong-av", "malicious")).isEqualTo(0.93 * 0.99, within(0.02));
        assertThat(share(clean, "strong-av", "malicious")).isLessThan(0.01);
        assertThat(share(clean, "bad-update-av", "malicious"))
                .isEqualTo(DatasetGenerator.DOCUMENT_SHARE * 0.7, within(0.03));
        assertThat(share(samples, "flaky-a", "failure") + share(samples, "flaky-a", "timeout"))
                .isEqualTo(0.35, within(0.02));
        assertThat(share(samples, "newcomer", Sample.NOT_RUN)).isEqualTo(0.4, within(0.02));
    }

    @Test
    void enginesOfOneGroupAreCorrelated() {
        List<Sample> clean = new DatasetGenerator(5, 0.0, 0.8).generate(20_000, ENGINES);
        double a = share(clean, "weak-a", "malicious");
        double b = share(clean, "weak-b", "malicious");
        double both = clean.stream().filter(s -> s.answer("weak-a").equals("malicious")
                && s.answer("weak-b").equals("malicious")).count() / (double) clean.size();

        assertThat(both).isGreaterThan(3 * a * b);
    }

    private static double share(List<Sample> samples, String engine, String answer) {
        return samples.stream().filter(s -> s.answer(engine).equals(answer)).count() / (double) samples.size();
    }
}
