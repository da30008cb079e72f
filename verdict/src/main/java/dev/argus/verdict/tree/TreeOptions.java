package dev.argus.verdict.tree;

/**
 * Stopping rules of ID3 training.
 *
 * @param minSamplesPerNode a child is grown only for an answer at least this many training files gave; rarer
 *                          answers are judged by the parent's counts, and a node with fewer than twice this
 *                          many files is not split
 * @param maxDepth          the deepest level that may still split (root = 0)
 */
public record TreeOptions(int minSamplesPerNode, int maxDepth) {

    /** Five files per node, depth up to six. */
    public static final TreeOptions DEFAULTS = new TreeOptions(5, 6);

    public TreeOptions {
        if (minSamplesPerNode < 1) {
            throw new IllegalArgumentException("minSamplesPerNode must be at least 1, was " + minSamplesPerNode);
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must not be negative, was " + maxDepth);
        }
    }
}
