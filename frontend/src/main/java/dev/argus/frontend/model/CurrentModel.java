package dev.argus.frontend.model;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The current model (the one an admin adopted last), kept in memory so that a verdict costs no database round trip.
 * Loaded on first use, replaced when an admin adopts one on this frontend, and checked every
 * {@code reload-interval} for one adopted on another frontend.
 */
@Component
public class CurrentModel {

    private static final Logger log = LoggerFactory.getLogger(CurrentModel.class);

    private final ModelStore store;
    private final AtomicReference<Optional<StoredModel>> cached = new AtomicReference<>();

    CurrentModel(ModelStore store) {
        this.store = store;
    }

    /** The current model, or empty while none was adopted (or the database could not be read yet). */
    public Optional<StoredModel> get() {
        Optional<StoredModel> model = cached.get();
        if (model == null) {
            reload();
            model = cached.get();
        }
        return model == null ? Optional.empty() : model;
    }

    /** Makes the model current here at once (it was adopted); other frontends follow within the interval. */
    void replace(StoredModel model) {
        cached.set(Optional.of(model));
    }

    @Scheduled(fixedDelayString = "${argus.frontend.verdict.reload-interval:30s}")
    void reloadIfNewer() {
        Optional<StoredModel> model = cached.get();
        try {
            long newest = store.latestId();
            if (model == null || newest != model.map(StoredModel::id).orElse(0L)) {
                reload();
            }
        } catch (DataAccessException e) {
            log.warn("could not check for a newer verdict model: {}", e.getMessage());
        }
    }

    private void reload() {
        try {
            Optional<StoredModel> latest = store.latest();
            cached.set(latest);
        } catch (DataAccessException e) {
            log.warn("could not load the verdict model, verdicts use the threshold until it loads: {}",
                    e.getMessage());
        }
    }
}
