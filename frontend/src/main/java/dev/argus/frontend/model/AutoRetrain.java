package dev.argus.frontend.model;

import dev.argus.frontend.label.LabelsChanged;
import dev.argus.frontend.web.ApiException;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Retrains in the background once {@code retrain-after-labels} labels were stored since the newest model; never
 * on the request's thread, and at most one pending retraining however many labels arrive. The model it trains is
 * a candidate: it decides no verdict until an admin adopts it ({@link ModelAdoption}).
 */
@Component
class AutoRetrain {

    private static final Logger log = LoggerFactory.getLogger(AutoRetrain.class);

    private final Models models;
    private final ModelStore store;
    private final VerdictProperties properties;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("verdict-retrain").daemon().factory());

    AutoRetrain(Models models, ModelStore store, VerdictProperties properties) {
        this.models = models;
        this.store = store;
        this.properties = properties;
    }

    @TransactionalEventListener
    void onLabelsChanged(LabelsChanged event) {
        if (properties.retrainAfterLabels() > 0 && pending.compareAndSet(false, true)) {
            executor.execute(this::retrainIfDue);
        }
    }

    private void retrainIfDue() {
        pending.set(false);
        try {
            long newLabels = store.labelsSinceLatest();
            if (newLabels >= properties.retrainAfterLabels()) {
                log.info("{} new labels since the newest verdict model: training a candidate", newLabels);
                long id = models.train().id();
                log.info("candidate verdict model {} waits for an admin to adopt it", id);
            }
        } catch (ApiException e) {
            log.info("automatic retraining skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("automatic retraining failed", e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
