package dev.argus.verdict.tree;

import java.util.Collection;

/**
 * How many malicious and benign training files reached a node.
 *
 * @param malicious malicious files
 * @param benign    benign files
 */
public record ClassCounts(int malicious, int benign) {

    /** Counts the classes of the samples. */
    public static ClassCounts of(Collection<Sample> samples) {
        int malicious = (int) samples.stream().filter(Sample::malicious).count();
        return new ClassCounts(malicious, samples.size() - malicious);
    }

    /** All files. */
    public int total() {
        return malicious + benign;
    }

    /** The Laplace-smoothed probability that a file here is malicious: (malicious + 1) / (total + 2). */
    public double maliciousProbability() {
        return (malicious + 1.0) / (total() + 2.0);
    }

    /** True when all files are of one class (or there are none). */
    public boolean isPure() {
        return malicious == 0 || benign == 0;
    }

    /** The Shannon entropy of the class distribution, in bits. */
    public double entropy() {
        return Entropy.of(malicious, benign);
    }
}
