package dev.argus.verdict.model;

import dev.argus.verdict.evaluation.ThresholdRule;
import dev.argus.verdict.tree.TreeOptions;

/**
 * How a model is trained and evaluated.
 *
 * @param tree      the tree's stopping rules
 * @param folds     k of the k-fold cross-validation; fewer are used when a class has fewer files
 * @param threshold the rule of the {@code threshold} baseline (the frontend's {@code threshold} verdict)
 * @param seed      seeds the fold shuffle, so an evaluation can be repeated
 */
public record TrainingOptions(TreeOptions tree, int folds, ThresholdRule threshold, long seed) {

    /** Default tree rules, 10 folds, the default threshold rule. */
    public static final TrainingOptions DEFAULTS = new TrainingOptions(TreeOptions.DEFAULTS, 10,
            ThresholdRule.DEFAULT, 7);
}
