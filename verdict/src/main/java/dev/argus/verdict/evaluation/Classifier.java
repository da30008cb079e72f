package dev.argus.verdict.evaluation;

import dev.argus.verdict.tree.Sample;

/** Decides whether a file is malicious from the engines' answers. */
@FunctionalInterface
public interface Classifier {

    /** True when the file is judged malicious; only {@link Sample#answers()} may be used, never the truth. */
    boolean isMalicious(Sample sample);
}
