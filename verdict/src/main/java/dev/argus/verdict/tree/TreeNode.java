package dev.argus.verdict.tree;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node of a verdict tree, shaped for JSON. A leaf has no {@code probe} and no children; an inner node splits
 * on the answer of {@code probe}. Every node keeps the class counts of the training files that reached it, so
 * a file whose answer has no child is judged by the node's own counts.
 *
 * @param probe     the engine this node splits on, or null for a leaf
 * @param malicious malicious training files that reached this node
 * @param benign    benign training files that reached this node
 * @param children  by the engine's answer
 */
public record TreeNode(String probe, int malicious, int benign, Map<String, TreeNode> children) {

    public TreeNode {
        children = children == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(children));
    }

    /** A leaf with these counts. */
    public static TreeNode leaf(ClassCounts counts) {
        return new TreeNode(null, counts.malicious(), counts.benign(), Map.of());
    }

    /** True when this node does not split. */
    public boolean isLeaf() {
        return probe == null;
    }

    /** The training files that reached this node. */
    public ClassCounts counts() {
        return new ClassCounts(malicious, benign);
    }
}
