package dev.argus.verdict.model;

/**
 * How much one engine tells about the truth over the training set.
 *
 * @param probe           the engine
 * @param informationGain bits of class entropy its answer removes over the whole training set
 * @param depth           where it first splits a node of the tree (root = 0), or null when the tree never uses it
 */
public record RankedEngine(String probe, double informationGain, Integer depth) {
}
