package dev.argus.verdict.tree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Entropy and information gain of a binary class over samples split by one engine's answer. */
public final class Entropy {

    private Entropy() {
    }

    /** Shannon entropy in bits of a two-class distribution. */
    public static double of(int malicious, int benign) {
        int total = malicious + benign;
        if (total == 0) {
            return 0;
        }
        return term(malicious, total) + term(benign, total);
    }

    /** How many bits of class entropy knowing the engine's answer removes: H(class) - H(class | answer). */
    public static double informationGain(List<Sample> samples, String engine) {
        if (samples.isEmpty()) {
            return 0;
        }
        Map<String, int[]> byAnswer = new HashMap<>();
        for (Sample sample : samples) {
            int[] counts = byAnswer.computeIfAbsent(sample.answer(engine), a -> new int[2]);
            counts[sample.malicious() ? 0 : 1]++;
        }
        double conditional = 0;
        for (int[] counts : byAnswer.values()) {
            conditional += (counts[0] + counts[1]) / (double) samples.size() * of(counts[0], counts[1]);
        }
        return ClassCounts.of(samples).entropy() - conditional;
    }

    private static double term(int count, int total) {
        if (count == 0) {
            return 0;
        }
        double p = count / (double) total;
        return -p * Math.log(p) / Math.log(2);
    }
}
