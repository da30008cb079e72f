package dev.argus.verdict.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Grows an ID3 tree: each node splits on the engine whose answer has the highest information gain. */
public final class Id3Trainer {

    private static final double NO_GAIN = 1e-9;

    private final TreeOptions options;

    public Id3Trainer(TreeOptions options) {
        this.options = options;
    }

    /** Trains on the samples, with the given engines as attributes. */
    public DecisionTree train(List<Sample> samples, List<String> engines) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("cannot train a tree on no samples");
        }
        return new DecisionTree(grow(samples, new LinkedHashSet<>(engines), 0), engines);
    }

    private TreeNode grow(List<Sample> samples, Set<String> unused, int depth) {
        ClassCounts counts = ClassCounts.of(samples);
        if (counts.isPure() || depth > options.maxDepth() || unused.isEmpty()
                || samples.size() < 2 * options.minSamplesPerNode()) {
            return TreeNode.leaf(counts);
        }
        String best = null;
        double bestGain = NO_GAIN;
        for (String engine : unused) {
            double gain = Entropy.informationGain(samples, engine);
            if (gain > bestGain) {
                best = engine;
                bestGain = gain;
            }
        }
        if (best == null) {
            return TreeNode.leaf(counts);
        }
        Map<String, List<Sample>> byAnswer = new TreeMap<>();
        for (Sample sample : samples) {
            byAnswer.computeIfAbsent(sample.answer(best), a -> new ArrayList<>()).add(sample);
        }
        Set<String> rest = new LinkedHashSet<>(unused);
        rest.remove(best);
        Map<String, TreeNode> children = new LinkedHashMap<>();
        byAnswer.forEach((answer, group) -> {
            if (group.size() >= options.minSamplesPerNode()) {
                children.put(answer, grow(group, rest, depth + 1));
            }
        });
        if (children.isEmpty()) {
            return TreeNode.leaf(counts);
        }
        return new TreeNode(best, counts.malicious(), counts.benign(), children);
    }
}
