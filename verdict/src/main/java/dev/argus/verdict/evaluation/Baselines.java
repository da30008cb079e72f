package dev.argus.verdict.evaluation;

import dev.argus.verdict.tree.Sample;
import java.util.List;

/** Rules that need no training, counting the engines that answered {@code malicious}. */
public final class Baselines {

    /** The answer counted as a detection. */
    public static final String DETECTION = "malicious";

    private static final List<String> CONCLUSIVE = List.of("malicious", "suspicious", "undetected", "harmless");

    private Baselines() {
    }

    /** Malicious as soon as one engine detects it. */
    public static ClassifierTrainer anyEngine() {
        return threshold(1);
    }

    /** Malicious when more than half of the engines that reached a conclusion detect it. */
    public static ClassifierTrainer majority() {
        return (training, engines) -> sample -> {
            long conclusive = engines.stream().filter(e -> CONCLUSIVE.contains(sample.answer(e))).count();
            return conclusive > 0 && 2 * detections(sample, engines) > conclusive;
        };
    }

    /**
     * The rule of before issue 17: malicious when at least {@code k} engines detect it, or every engine that
     * reached a conclusion when fewer than {@code k} did ({@link ThresholdRule} with fraction 1).
     */
    public static ClassifierTrainer threshold(int k) {
        return threshold(new ThresholdRule(k, 1.0));
    }

    /** Argus' {@code threshold} verdict: malicious when the {@link ThresholdRule} says so. */
    public static ClassifierTrainer threshold(ThresholdRule rule) {
        return (training, engines) -> sample -> {
            long conclusive = engines.stream().filter(e -> CONCLUSIVE.contains(sample.answer(e))).count();
            return rule.malicious(detections(sample, engines), conclusive);
        };
    }

    /** How many of the engines answered {@code malicious}. */
    public static long detections(Sample sample, List<String> engines) {
        return engines.stream().filter(e -> DETECTION.equals(sample.answer(e))).count();
    }
}
