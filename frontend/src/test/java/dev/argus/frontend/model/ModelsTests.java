package dev.argus.frontend.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.frontend.web.ApiException;
import dev.argus.verdict.model.TrainedModel;
import dev.argus.verdict.tree.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Training rules with an in-memory training set and store (the SQL side is covered by the integration tests). */
class ModelsTests {

    private static final VerdictProperties PROPERTIES = new VerdictProperties(50, 10, 1, 6, 10, 2, 0.5, 0.7, 0.3,
            DataSize.ofMegabytes(1), Duration.ofSeconds(30));

    private final List<StoredModel> stored = new ArrayList<>();
    private final ModelStore store = new ModelStore(null) {
        @Override
        StoredModel insert(TrainedModel model, long lastLabelId, Instant now) {
            StoredModel saved = new StoredModel(stored.size() + 1, now, lastLabelId, model);
            stored.add(saved);
            return saved;
        }

        @Override
        Optional<StoredModel> latest() {
            return stored.stream().filter(m -> m.adoptedAt() != null).reduce((a, b) -> b);
        }
    };
    private final CurrentModel current = new CurrentModel(store);

    @Test
    void refusesToTrainWithTooFewLabelledFilesWith409() {
        Models models = models(samples(3, 3));

        assertThatThrownBy(models::train).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.slug()).isEqualTo("not-enough-labels");
            assertThat(e.getMessage()).contains("at least 10", "3 malicious and 3 benign");
        });
        assertThat(stored).isEmpty();
    }

    @Test
    void refusesToTrainWithOnlyOneClass() {
        assertThatThrownBy(models(samples(20, 1))::train).isInstanceOf(ApiException.class)
                .hasMessageContaining("at least 2 of each class");
    }

    @Test
    void storesTheTrainedModelAsACandidateThatDecidesNothingYet() {
        ModelView model = models(samples(8, 8)).train();

        assertThat(model.id()).isEqualTo(1);
        assertThat(model.samples()).isEqualTo(16);
        assertThat(model.tree().probe()).isEqualTo("clamav");
        assertThat(model.evaluation().folds()).isEqualTo(8);
        assertThat(stored.getFirst().lastLabelId()).isEqualTo(99);
        assertThat(model.adoptedBy()).isNull();
        assertThat(stored.getFirst().adoptedAt()).isNull();
        assertThat(current.get()).as("a trained model waits for an admin to adopt it").isEmpty();
    }

    private Models models(List<Sample> samples) {
        TrainingSet set = new TrainingSet(null) {
            @Override
            Snapshot read() {
                return new Snapshot(samples, List.of("clamav", "yara"), 99);
            }
        };
        return new Models(set, store, current, PROPERTIES);
    }

    /** clamav tells the truth, yara says undetected. */
    private static List<Sample> samples(int malicious, int benign) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < malicious + benign; i++) {
            boolean isMalicious = i < malicious;
            samples.add(new Sample(Map.of("clamav", isMalicious ? "malicious" : "undetected", "yara", "undetected"),
                    isMalicious));
        }
        return samples;
    }
}
