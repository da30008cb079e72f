package dev.argus.verdict.model;

import dev.argus.verdict.tree.TreeOptions;

/**
 * How a model is trained and evaluated.
 *
 * @param tree      the tree's stopping rules
 * @param folds     k of the k-fold cross-validation; fewer are used when a class has fewer files
 * @param threshold detections the {@code threshold} baseline needs
 * @param seed      seeds the fold shuffle, so an evaluation can be repeated
 */
public record TrainingOptions(TreeOptions tree, int folds, int threshold, long seed) {

    /** Default tree rules, 10 folds, a threshold of 2 detections. */
    public static final TrainingOptions DEFAULTS = new TrainingOptions(TreeOptions.DEFAULTS, 10, 2, 7);
}
