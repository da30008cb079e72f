package dev.argus.verdict.evaluation;

import dev.argus.verdict.tree.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stratified k-fold cross-validation: the files are shuffled with a seed, dealt into k folds keeping the class
 * balance, and every classifier is trained on k-1 folds and tested on the remaining one, for each fold.
 */
public final class CrossValidation {

    private final int folds;
    private final long seed;

    public CrossValidation(int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, was " + folds);
        }
        this.folds = folds;
        this.seed = seed;
    }

    /** The folds this validation deals. */
    public int folds() {
        return folds;
    }

    /** Each named classifier's metrics over all test folds together, in the given order. */
    public Map<String, Metrics> evaluate(List<Sample> samples, List<String> engines,
                                         Map<String, ClassifierTrainer> trainers) {
        List<List<Sample>> dealt = deal(samples);
        Map<String, int[]> confusion = new LinkedHashMap<>();
        trainers.keySet().forEach(name -> confusion.put(name, new int[4]));
        for (int test = 0; test < folds; test++) {
            List<Sample> training = new ArrayList<>();
            for (int other = 0; other < folds; other++) {
                if (other != test) {
                    training.addAll(dealt.get(other));
                }
            }
            for (Map.Entry<String, ClassifierTrainer> trainer : trainers.entrySet()) {
                Classifier classifier = trainer.getValue().train(training, engines);
                count(classifier, dealt.get(test), confusion.get(trainer.getKey()));
            }
        }
        Map<String, Metrics> metrics = new LinkedHashMap<>();
        confusion.forEach((name, c) -> metrics.put(name, Metrics.of(c[0], c[1], c[2], c[3])));
        return metrics;
    }

    private List<List<Sample>> deal(List<Sample> samples) {
        List<Sample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(seed));
        List<List<Sample>> dealt = new ArrayList<>();
        for (int i = 0; i < folds; i++) {
            dealt.add(new ArrayList<>());
        }
        int next = 0;
        for (boolean malicious : new boolean[] {true, false}) {
            for (Sample sample : shuffled) {
                if (sample.malicious() == malicious) {
                    dealt.get(next++ % folds).add(sample);
                }
            }
        }
        return dealt;
    }

    private static void count(Classifier classifier, List<Sample> test, int[] confusion) {
        for (Sample sample : test) {
            boolean predicted = classifier.isMalicious(sample);
            int cell = predicted ? (sample.malicious() ? 0 : 1) : (sample.malicious() ? 3 : 2);
            confusion[cell]++;
        }
    }
}
