package dev.argus.verdict.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.verdict.evaluation.Metrics;
import dev.argus.verdict.model.Evaluation;
import dev.argus.verdict.model.ModelTrainer;
import dev.argus.verdict.model.TrainedModel;
import dev.argus.verdict.model.TrainingOptions;
import dev.argus.verdict.tree.Sample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptance check: 5,000 generated files, 8 engines, 10-fold cross-validation. */
class VerdictComparisonTests {

    private static final List<SimulatedEngine> ENGINES = DatasetGenerator.standardEngines();
    private static final List<String> NAMES = ENGINES.stream().map(SimulatedEngine::name).toList();

    @Test
    void theTreeBeatsMajorityVoteAndTheThresholdOnF1InTenFoldCrossValidation() {
        List<Sample> samples = new DatasetGenerator(42, 0.4, 0.8).generate(5000, ENGINES);

        TrainedModel model = new ModelTrainer(TrainingOptions.DEFAULTS).train(samples, NAMES);
        Evaluation evaluation = model.evaluation();

        assertThat(NAMES).hasSize(8);
        assertThat(evaluation.folds()).isEqualTo(10);
        Metrics tree = evaluation.model();
        System.out.printf("id3 F1 %.4f, majority %.4f, threshold %.4f, any %.4f, %s %.4f%n", tree.f1(),
                evaluation.baselines().get("majority").f1(), evaluation.baselines().get("threshold").f1(),
                evaluation.baselines().get("anyEngine").f1(), evaluation.secondOpinion().name(),
                evaluation.secondOpinion().metrics().f1());
        assertThat(tree.f1()).isGreaterThan(evaluation.baselines().get("majority").f1())
                .isGreaterThan(evaluation.baselines().get("threshold").f1())
                .isGreaterThan(evaluation.baselines().get("anyEngine").f1());
    }

    @Test
    void theStrongEngineRanksFirstAtTheRootAndTheRankingCoversEveryEngine() {
        List<Sample> samples = new DatasetGenerator(42, 0.4, 0.8).generate(5000, ENGINES);

        TrainedModel model = new ModelTrainer(TrainingOptions.DEFAULTS).train(samples, NAMES);

        assertThat(model.engineRanking()).hasSize(8);
        assertThat(model.engineRanking().getFirst().probe()).isEqualTo("strong-av");
        assertThat(model.engineRanking().getFirst().depth()).isZero();
        assertThat(model.tree().root().probe()).isEqualTo("strong-av");
        assertThat(model.samples()).isEqualTo(5000);
    }

    @Test
    void theComparisonTablePrintsEveryClassifierAndEngine() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        ComparisonTable.print(600, 1, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String table = buffer.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("| id3 |", "| majority |", "| threshold |", "| anyEngine |", "| smileCart |");
        NAMES.forEach(name -> assertThat(table).contains("| " + name + " |"));
    }
}
