package dev.argus.verdict.model;

import dev.argus.verdict.evaluation.Metrics;
import java.util.Map;

/**
 * The cross-validated comparison stored with each model.
 *
 * @param folds         how many folds (k)
 * @param threshold     the detections the {@code threshold} baseline needs
 * @param model         the ID3 tree
 * @param baselines     {@code anyEngine}, {@code majority} and {@code threshold}
 * @param secondOpinion a maintained library's decision tree trained on the same folds
 */
public record Evaluation(int folds, int threshold, Metrics model, Map<String, Metrics> baselines,
                         SecondOpinion secondOpinion) {

    /**
     * A library model's result.
     *
     * @param name    which library and model
     * @param metrics its metrics
     */
    public record SecondOpinion(String name, Metrics metrics) {
    }
}
