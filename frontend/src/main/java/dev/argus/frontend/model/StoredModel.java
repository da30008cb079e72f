package dev.argus.frontend.model;

import dev.argus.verdict.model.TrainedModel;
import java.time.Instant;

/**
 * A model version as stored.
 *
 * @param id          increasing version number
 * @param createdAt   when it was trained
 * @param lastLabelId the newest label the training saw
 * @param model       the tree, ranking and evaluation
 * @param adoptedBy   the admin who made it current (or {@code system} for a model of before adoption), null for a
 *                    candidate
 * @param adoptedAt   when, null for a candidate
 */
public record StoredModel(long id, Instant createdAt, long lastLabelId, TrainedModel model, String adoptedBy,
                          Instant adoptedAt) {

    /** A model nobody adopted yet: a candidate. */
    public StoredModel(long id, Instant createdAt, long lastLabelId, TrainedModel model) {
        this(id, createdAt, lastLabelId, model, null, null);
    }

    /** This model, adopted. */
    StoredModel adopted(String by, Instant at) {
        return new StoredModel(id, createdAt, lastLabelId, model, by, at);
    }
}
