package dev.argus.verdict.tree;

import java.util.List;

/**
 * What a tree says about one file.
 *
 * @param maliciousProbability the smoothed share of malicious training files at the node the file reached
 * @param counts               the class counts at that node
 * @param path                 the answers followed from the root, e.g. {@code ["clamav=malicious", "yara=undetected"]}
 */
public record Decision(double maliciousProbability, ClassCounts counts, List<String> path) {

    public Decision {
        path = List.copyOf(path);
    }

    /** True when malicious is at least as likely as benign. */
    public boolean malicious() {
        return maliciousProbability >= 0.5;
    }
}
