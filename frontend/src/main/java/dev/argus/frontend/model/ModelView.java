package dev.argus.frontend.model;

import dev.argus.verdict.model.Evaluation;
import dev.argus.verdict.model.RankedEngine;
import dev.argus.verdict.tree.TreeNode;
import java.time.Instant;
import java.util.List;

/**
 * A model as the API shows it.
 *
 * @param id            version
 * @param createdAt     when it was trained
 * @param samples       labelled files it learned from
 * @param engines       the probes it uses as attributes
 * @param tree          the ID3 tree
 * @param engineRanking probes by information gain, highest first, with the depth where each first splits
 * @param evaluation    the cross-validated comparison with the baselines and the library tree
 * @param adoptedBy     the admin who made it current, null for a candidate nobody adopted
 * @param adoptedAt     when, null for a candidate
 */
public record ModelView(long id, Instant createdAt, int samples, List<String> engines, TreeNode tree,
                        List<RankedEngine> engineRanking, Evaluation evaluation, String adoptedBy,
                        Instant adoptedAt) {

    static ModelView of(StoredModel stored) {
        return new ModelView(stored.id(), stored.createdAt(), stored.model().samples(),
                stored.model().tree().engines(), stored.model().tree().root(), stored.model().engineRanking(),
                stored.model().evaluation(), stored.adoptedBy(), stored.adoptedAt());
    }
}
