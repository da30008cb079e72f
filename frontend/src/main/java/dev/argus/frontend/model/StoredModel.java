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
 */
public record StoredModel(long id, Instant createdAt, long lastLabelId, TrainedModel model) {
}
