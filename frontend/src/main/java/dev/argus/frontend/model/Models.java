package dev.argus.frontend.model;

import dev.argus.frontend.web.ApiException;
import dev.argus.verdict.model.ModelTrainer;
import dev.argus.verdict.model.TrainedModel;
import dev.argus.verdict.model.TrainingOptions;
import dev.argus.verdict.tree.ClassCounts;
import dev.argus.verdict.tree.TreeOptions;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Trains models on the labelled files and stores each as a new version; one training at a time. */
@Service
public class Models {

    private static final Logger log = LoggerFactory.getLogger(Models.class);

    private final TrainingSet trainingSet;
    private final ModelStore store;
    private final CurrentModel current;
    private final VerdictProperties properties;
    private final ReentrantLock training = new ReentrantLock();

    Models(TrainingSet trainingSet, ModelStore store, CurrentModel current, VerdictProperties properties) {
        this.trainingSet = trainingSet;
        this.store = store;
        this.current = current;
        this.properties = properties;
    }

    /**
     * Trains, evaluates and stores a new model as a candidate: it decides no verdict until an admin adopts it
     * ({@link ModelAdoption}). 409 with too few labels.
     */
    public ModelView train() {
        training.lock();
        try {
            TrainingSet.Snapshot snapshot = trainingSet.read();
            ClassCounts counts = ClassCounts.of(snapshot.samples());
            if (counts.total() < properties.minTrainingFiles() || Math.min(counts.malicious(), counts.benign()) < 2) {
                throw ApiException.conflict("not-enough-labels", "training needs at least "
                        + properties.minTrainingFiles() + " labelled files with results, at least 2 of each class; "
                        + "there are " + counts.malicious() + " malicious and " + counts.benign() + " benign")
                        .with("malicious", counts.malicious()).with("benign", counts.benign());
            }
            long started = System.nanoTime();
            TrainedModel model = new ModelTrainer(options()).train(snapshot.samples(), snapshot.engines());
            StoredModel stored = store.insert(model, snapshot.lastLabelId(), Instant.now());
            log.info("trained verdict model {} on {} files over {} engines in {} ms (F1 {})", stored.id(),
                    model.samples(), snapshot.engines().size(), (System.nanoTime() - started) / 1_000_000,
                    String.format(Locale.ROOT, "%.3f", model.evaluation().model().f1()));
            return ModelView.of(stored);
        } finally {
            training.unlock();
        }
    }

    /** The current model (404 when none was trained). */
    public ModelView current() {
        return current.get().map(ModelView::of).orElseThrow(() -> ApiException.notFound("model-not-found",
                "no verdict model was trained yet: label files, then POST /api/v1/models"));
    }

    /** The newest model trained after the current one and not adopted (404 when none). */
    public ModelView candidate() {
        return store.candidate().map(ModelView::of).orElseThrow(() -> ApiException.notFound("model-not-found",
                "no candidate model waits for adoption"));
    }

    /** A model version (404 when unknown). */
    public ModelView find(long id) {
        return store.find(id).map(ModelView::of).orElseThrow(() -> ApiException.notFound("model-not-found",
                "no verdict model with id " + id));
    }

    private TrainingOptions options() {
        return new TrainingOptions(new TreeOptions(properties.minSamplesPerNode(), properties.maxDepth()),
                properties.folds(), properties.thresholdRule(), TrainingOptions.DEFAULTS.seed());
    }
}
