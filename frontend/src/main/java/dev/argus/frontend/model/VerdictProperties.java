package dev.argus.frontend.model;

import dev.argus.verdict.evaluation.ThresholdRule;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Verdict settings ({@code argus.frontend.verdict.*}).
 *
 * @param retrainAfterLabels  train a new model in the background once this many labels were stored since the
 *                            current model was trained; 0 turns automatic retraining off
 * @param minTrainingFiles    the fewest labelled files with results a training needs (and 2 of each class)
 * @param minSamplesPerNode   ID3 stopping rule: the fewest training files for a node of its own
 * @param maxDepth            ID3 stopping rule: the deepest level that still splits (root = 0)
 * @param folds               k of the k-fold cross-validation stored with each model
 * @param threshold           detections that always make a file malicious while no model exists (and in the
 *                            threshold baseline), see {@link ThresholdRule}
 * @param thresholdFraction   the share of the engines that concluded that suffices when it needs fewer detections
 *                            than {@code threshold} (1 = all of them, the rule before issue 17)
 * @param maliciousAt         a leaf probability at or above this gives {@code malicious}
 * @param cleanAt             a leaf probability at or below this gives {@code clean}; between the two it is
 *                            {@code suspicious}
 * @param maxLabelImportSize  the largest CSV body {@code POST /api/v1/labels} reads
 * @param reloadInterval      how often a frontend looks for a model another frontend trained
 */
@Validated
@ConfigurationProperties("argus.frontend.verdict")
public record VerdictProperties(
        @Min(0) @DefaultValue("50") int retrainAfterLabels,
        @Min(4) @DefaultValue("10") int minTrainingFiles,
        @Min(1) @DefaultValue("5") int minSamplesPerNode,
        @Min(0) @DefaultValue("6") int maxDepth,
        @Min(2) @DefaultValue("10") int folds,
        @Min(1) @DefaultValue("2") int threshold,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") @DefaultValue("0.5") double thresholdFraction,
        @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.7") double maliciousAt,
        @DecimalMin("0.0") @DecimalMax("0.5") @DefaultValue("0.3") double cleanAt,
        @NotNull @DefaultValue("50MB") DataSize maxLabelImportSize,
        @NotNull @DefaultValue("30s") Duration reloadInterval) {

    /** The threshold verdict's rule from {@code threshold} and {@code threshold-fraction}. */
    public ThresholdRule thresholdRule() {
        return new ThresholdRule(threshold, thresholdFraction);
    }
}
