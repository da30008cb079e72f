package dev.argus.verdict.dataset;

import dev.argus.verdict.tree.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates labelled files with each simulated engine's answer; the same seed gives the same files.
 * A file is malicious with {@code maliciousShare}; a share of the files are documents, the kind a bad
 * signature update flags. Engines of one group draw from a shared random number with probability
 * {@code correlation}, so they tend to miss (and to flag) the same files.
 */
public final class DatasetGenerator {

    /** The share of files that are documents. */
    static final double DOCUMENT_SHARE = 0.3;
    /** Answers within this distance above the detection rate become {@code suspicious}. */
    static final double NEAR_MISS = 0.06;

    private final long seed;
    private final double maliciousShare;
    private final double correlation;

    public DatasetGenerator(long seed, double maliciousShare, double correlation) {
        this.seed = seed;
        this.maliciousShare = maliciousShare;
        this.correlation = correlation;
    }

    /**
     * The eight engines of the docs' comparison: one strong engine, one with a bad signature update, three weak
     * correlated ones, two that often fail or time out and one that is not run on every file.
     */
    public static List<SimulatedEngine> standardEngines() {
        return List.of(
                SimulatedEngine.plain("strong-av", 0.93, 0.004, 0.01),
                new SimulatedEngine("bad-update-av", 0.80, 0.01, 0.02, null, 0.7, 0),
                new SimulatedEngine("weak-a", 0.55, 0.06, 0.02, "weak", 0, 0),
                new SimulatedEngine("weak-b", 0.50, 0.05, 0.02, "weak", 0, 0),
                new SimulatedEngine("weak-c", 0.60, 0.07, 0.02, "weak", 0, 0),
                SimulatedEngine.plain("flaky-a", 0.85, 0.01, 0.35),
                SimulatedEngine.plain("flaky-b", 0.75, 0.02, 0.30),
                new SimulatedEngine("newcomer", 0.70, 0.01, 0.02, null, 0, 0.4));
    }

    /** {@code files} labelled files as the engines would answer them. */
    public List<Sample> generate(int files, List<SimulatedEngine> engines) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            boolean malicious = random.nextDouble() < maliciousShare;
            boolean document = random.nextDouble() < DOCUMENT_SHARE;
            Map<String, Double> shared = new HashMap<>();
            Map<String, String> answers = new HashMap<>();
            for (SimulatedEngine engine : engines) {
                if (random.nextDouble() < engine.notRunRate()) {
                    continue;
                }
                double draw = engine.group() != null && random.nextDouble() < correlation
                        ? shared.computeIfAbsent(engine.group(), g -> random.nextDouble())
                        : random.nextDouble();
                answers.put(engine.name(), answer(engine, malicious, document, draw, random));
            }
            samples.add(new Sample(answers, malicious));
        }
        return samples;
    }

    private static String answer(SimulatedEngine engine, boolean malicious, boolean document, double draw,
                                 Random random) {
        double failure = random.nextDouble();
        if (failure < engine.failureRate()) {
            return failure < engine.failureRate() / 2 ? "failure" : "timeout";
        }
        if (!malicious && document && random.nextDouble() < engine.badUpdateRate()) {
            return "malicious";
        }
        double rate = malicious ? engine.detectionRate() : engine.falsePositiveRate();
        if (draw < rate) {
            return "malicious";
        }
        return draw < rate + NEAR_MISS ? "suspicious" : "undetected";
    }
}
