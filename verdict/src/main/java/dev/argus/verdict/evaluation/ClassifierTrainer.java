package dev.argus.verdict.evaluation;

import dev.argus.verdict.tree.Sample;
import java.util.List;

/** Builds a classifier from a training fold; baselines ignore the training files. */
@FunctionalInterface
public interface ClassifierTrainer {

    /** A classifier trained on these samples, whose attributes are these engines. */
    Classifier train(List<Sample> training, List<String> engines);
}
