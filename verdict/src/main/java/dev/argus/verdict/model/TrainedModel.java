package dev.argus.verdict.model;

import dev.argus.verdict.tree.DecisionTree;
import java.util.List;

/**
 * A verdict tree with what was learned about it at training time.
 *
 * @param samples       labelled files it was trained on
 * @param tree          the tree, trained on all of them
 * @param engineRanking engines by information gain, highest first
 * @param evaluation    the cross-validated comparison
 */
public record TrainedModel(int samples, DecisionTree tree, List<RankedEngine> engineRanking, Evaluation evaluation) {

    public TrainedModel {
        engineRanking = List.copyOf(engineRanking);
    }
}
