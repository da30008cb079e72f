package dev.argus.verdict.model;

import dev.argus.verdict.evaluation.Baselines;
import dev.argus.verdict.evaluation.ClassifierTrainer;
import dev.argus.verdict.evaluation.CrossValidation;
import dev.argus.verdict.evaluation.Metrics;
import dev.argus.verdict.library.SmileTreeTrainer;
import dev.argus.verdict.tree.ClassCounts;
import dev.argus.verdict.tree.DecisionTree;
import dev.argus.verdict.tree.Entropy;
import dev.argus.verdict.tree.Id3Trainer;
import dev.argus.verdict.tree.Sample;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trains a tree on all labelled files, ranks the engines and cross-validates the tree against the baselines. */
public final class ModelTrainer {

    /** The name of the tree in {@link #comparison}. */
    public static final String TREE = "id3";

    private final TrainingOptions options;

    public ModelTrainer(TrainingOptions options) {
        this.options = options;
    }

    /**
     * Trains and evaluates; needs at least two files of each class.
     *
     * @throws IllegalArgumentException when a class has fewer than two files
     */
    public TrainedModel train(List<Sample> samples, List<String> engines) {
        ClassCounts counts = ClassCounts.of(samples);
        if (Math.min(counts.malicious(), counts.benign()) < 2) {
            throw new IllegalArgumentException("training needs at least 2 malicious and 2 benign files, had "
                    + counts.malicious() + " malicious and " + counts.benign() + " benign");
        }
        DecisionTree tree = new Id3Trainer(options.tree()).train(samples, engines);
        List<RankedEngine> ranking = engines.stream()
                .map(e -> new RankedEngine(e, Entropy.informationGain(samples, e), depth(tree, e)))
                .sorted(Comparator.comparingDouble(RankedEngine::informationGain).reversed()
                        .thenComparing(RankedEngine::probe))
                .toList();
        int folds = Math.min(options.folds(), Math.min(counts.malicious(), counts.benign()));
        Map<String, Metrics> metrics = comparison(folds).evaluate(samples, engines, trainers());
        Map<String, Metrics> baselines = new LinkedHashMap<>();
        List.of("anyEngine", "majority", "threshold").forEach(name -> baselines.put(name, metrics.get(name)));
        Evaluation evaluation = new Evaluation(folds, options.threshold().threshold(), metrics.get(TREE), baselines,
                new Evaluation.SecondOpinion(SmileTreeTrainer.NAME, metrics.get(SmileTreeTrainer.NAME)));
        return new TrainedModel(samples.size(), tree, ranking, evaluation);
    }

    /** The cross-validation every training runs. */
    public CrossValidation comparison(int folds) {
        return new CrossValidation(folds, options.seed());
    }

    /** The tree, the three baselines and the library tree, by name. */
    public Map<String, ClassifierTrainer> trainers() {
        Map<String, ClassifierTrainer> trainers = new LinkedHashMap<>();
        trainers.put(TREE, (training, engines) -> {
            DecisionTree tree = new Id3Trainer(options.tree()).train(training, engines);
            return sample -> tree.classify(sample.answers()).malicious();
        });
        trainers.put("anyEngine", Baselines.anyEngine());
        trainers.put("majority", Baselines.majority());
        trainers.put("threshold", Baselines.threshold(options.threshold()));
        trainers.put(SmileTreeTrainer.NAME, new SmileTreeTrainer(options.tree().maxDepth()));
        return trainers;
    }

    private static Integer depth(DecisionTree tree, String engine) {
        int depth = tree.depthOf(engine);
        return depth < 0 ? null : depth;
    }
}
