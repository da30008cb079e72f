package dev.argus.verdict.dataset;

import dev.argus.verdict.evaluation.Metrics;
import dev.argus.verdict.model.ModelTrainer;
import dev.argus.verdict.model.RankedEngine;
import dev.argus.verdict.model.TrainedModel;
import dev.argus.verdict.model.TrainingOptions;
import dev.argus.verdict.tree.DecisionTree;
import dev.argus.verdict.tree.Sample;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the docs' comparison: 10-fold cross-validation of the tree, the baselines and the library tree on a
 * generated set, then the engine ranking, as Markdown tables. Arguments: [files] [seed] (5000 and 42).
 * Run with {@code ./mvnw -q -pl verdict compile exec:java}.
 */
public final class ComparisonTable {

    private static final int VERDICT_ROUNDS = 20;

    private ComparisonTable() {
    }

    public static void main(String[] args) {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        print(files, seed, System.out);
    }

    /** Mean time of one classification, after a warm-up round; the checksum keeps the JIT from dropping the work. */
    private static double nanosPerVerdict(DecisionTree tree, List<Sample> samples) {
        long malicious = 0;
        samples.forEach(s -> tree.classify(s.answers()));
        long started = System.nanoTime();
        for (int round = 0; round < VERDICT_ROUNDS; round++) {
            for (Sample sample : samples) {
                malicious += tree.classify(sample.answers()).malicious() ? 1 : 0;
            }
        }
        long elapsed = System.nanoTime() - started;
        if (malicious < 0) {
            throw new IllegalStateException("unreachable");
        }
        return elapsed / (double) (VERDICT_ROUNDS * samples.size());
    }

    /** Generates the set, cross-validates every classifier and prints both tables. */
    static void print(int files, long seed, PrintStream out) {
        List<SimulatedEngine> engines = DatasetGenerator.standardEngines();
        List<Sample> samples = new DatasetGenerator(seed, 0.4, 0.8).generate(files, engines);
        List<String> names = engines.stream().map(SimulatedEngine::name).toList();
        ModelTrainer trainer = new ModelTrainer(TrainingOptions.DEFAULTS);
        long started = System.nanoTime();
        Map<String, Metrics> metrics = trainer.comparison(TrainingOptions.DEFAULTS.folds())
                .evaluate(samples, names, trainer.trainers());
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.printf(Locale.ROOT, "%d files, %d engines, seed %d, %d-fold cross-validation (%d ms)%n%n", files,
                names.size(), seed, TrainingOptions.DEFAULTS.folds(), millis);
        out.println("| classifier | accuracy | precision | recall | F1 |");
        out.println("|---|---|---|---|---|");
        metrics.forEach((name, m) -> out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f |%n", name,
                m.accuracy(), m.precision(), m.recall(), m.f1()));
        started = System.nanoTime();
        TrainedModel model = trainer.train(samples, names);
        long trainMillis = (System.nanoTime() - started) / 1_000_000;
        out.printf(Locale.ROOT, "%ntraining with evaluation: %d ms; one verdict: %.0f ns (mean over %d files x %d)%n",
                trainMillis, nanosPerVerdict(model.tree(), samples), samples.size(), VERDICT_ROUNDS);
        out.println();
        out.println("| engine | information gain (bits) | depth in tree |");
        out.println("|---|---|---|");
        for (RankedEngine engine : model.engineRanking()) {
            out.printf(Locale.ROOT, "| %s | %.4f | %s |%n", engine.probe(), engine.informationGain(),
                    engine.depth() == null ? "-" : engine.depth());
        }
    }
}
