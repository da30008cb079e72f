package dev.argus.verdict.dataset;

import dev.argus.verdict.evaluation.Baselines;
import dev.argus.verdict.evaluation.ClassifierTrainer;
import dev.argus.verdict.evaluation.Metrics;
import dev.argus.verdict.evaluation.ThresholdRule;
import dev.argus.verdict.model.ModelTrainer;
import dev.argus.verdict.model.RankedEngine;
import dev.argus.verdict.model.TrainedModel;
import dev.argus.verdict.model.TrainingOptions;
import dev.argus.verdict.tree.DecisionTree;
import dev.argus.verdict.tree.Sample;
import java.io.PrintStream;
import java.util.LinkedHashMap;
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
        out.println();
        printThresholdRules(samples, names, trainer, out);
    }

    /**
     * The {@code threshold} rule before issue 17 (fraction 1: {@code min(threshold, concluded)}) against the current
     * default ({@link ThresholdRule#DEFAULT}), on every engine and on the small deployments a team starts with.
     */
    private static void printThresholdRules(List<Sample> samples, List<String> names, ModelTrainer trainer,
                                            PrintStream out) {
        ThresholdRule old = new ThresholdRule(ThresholdRule.DEFAULT.threshold(), 1.0);
        Map<String, ClassifierTrainer> rules = new LinkedHashMap<>();
        rules.put("old", Baselines.threshold(old));
        rules.put("new", Baselines.threshold(ThresholdRule.DEFAULT));
        List<List<String>> deployments = List.of(names, List.of("strong-av"), List.of("strong-av", "weak-a"),
                List.of("strong-av", "flaky-a"), List.of("strong-av", "newcomer"),
                List.of("weak-a", "weak-b"), List.of("strong-av", "weak-a", "flaky-a"),
                List.of("strong-av", "weak-a", "flaky-a", "newcomer"));
        out.printf(Locale.ROOT, "threshold rule: old = min(%d, concluded), new = min(%d, max(1, ceil(%.2f x "
                        + "concluded)))%n%n", old.threshold(), ThresholdRule.DEFAULT.threshold(),
                ThresholdRule.DEFAULT.fraction());
        out.println("| engines | old F1 | new F1 | old recall | new recall | old precision | new precision |");
        out.println("|---|---|---|---|---|---|---|");
        for (List<String> engines : deployments) {
            Map<String, Metrics> m = trainer.comparison(TrainingOptions.DEFAULTS.folds())
                    .evaluate(samples, engines, rules);
            out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                    engines.size() == names.size() ? "all " + names.size() : String.join(" + ", engines),
                    m.get("old").f1(), m.get("new").f1(), m.get("old").recall(), m.get("new").recall(),
                    m.get("old").precision(), m.get("new").precision());
        }
    }
}
