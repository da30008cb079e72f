package dev.argus.verdict.tree;

import java.util.Map;

/**
 * One labelled file: each engine's discrete answer (e.g. {@code malicious}, {@code undetected}, {@code failure})
 * and whether the file is truly malicious. An engine missing from {@code answers} did not run on the file.
 *
 * @param answers   engine name to its answer
 * @param malicious the ground truth
 */
public record Sample(Map<String, String> answers, boolean malicious) {

    /** The value an engine takes for a file it did not run on. */
    public static final String NOT_RUN = "not-run";

    public Sample {
        answers = Map.copyOf(answers);
    }

    /** The engine's answer, or {@link #NOT_RUN}. */
    public String answer(String engine) {
        return answers.getOrDefault(engine, NOT_RUN);
    }
}
