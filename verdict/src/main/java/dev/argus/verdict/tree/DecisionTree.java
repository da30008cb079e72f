package dev.argus.verdict.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained verdict tree. Immutable and safe to share between threads.
 *
 * @param root    the root node
 * @param engines the engines it was trained on (its attributes)
 */
public record DecisionTree(TreeNode root, List<String> engines) {

    public DecisionTree {
        engines = List.copyOf(engines);
    }

    /** Follows the file's answers down the tree; an answer the training set never showed stops at its parent. */
    public Decision classify(Map<String, String> answers) {
        TreeNode node = root;
        List<String> path = new ArrayList<>();
        while (!node.isLeaf()) {
            String answer = answers.getOrDefault(node.probe(), Sample.NOT_RUN);
            TreeNode child = node.children().get(answer);
            if (child == null) {
                path.add(node.probe() + "=" + answer + " (unseen in training)");
                break;
            }
            path.add(node.probe() + "=" + answer);
            node = child;
        }
        ClassCounts counts = node.counts();
        return new Decision(counts.maliciousProbability(), counts, path);
    }

    /** The depth (root = 0) where the engine first splits a node, or -1 when the tree never uses it. */
    public int depthOf(String engine) {
        List<TreeNode> level = List.of(root);
        for (int depth = 0; !level.isEmpty(); depth++) {
            List<TreeNode> next = new ArrayList<>();
            for (TreeNode node : level) {
                if (engine.equals(node.probe())) {
                    return depth;
                }
                next.addAll(node.children().values());
            }
            level = next;
        }
        return -1;
    }
}
