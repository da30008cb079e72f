package dev.argus.frontend.model;

import dev.argus.frontend.audit.AuditLog;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.ApiException;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a model the current one: only an admin may, so no analyst's labels change everyone's verdict alone. The
 * current model is the one adopted last (adopting an older version rolls back to it). Audited as
 * {@code model-adopted}.
 */
@Service
public class ModelAdoption {

    private static final Logger log = LoggerFactory.getLogger(ModelAdoption.class);

    private final ModelStore store;
    private final CurrentModel current;
    private final AuditLog audit;

    ModelAdoption(ModelStore store, CurrentModel current, AuditLog audit) {
        this.store = store;
        this.current = current;
        this.audit = audit;
    }

    /** Adopts the model (404 when unknown); it decides verdicts here at once, elsewhere within the reload interval. */
    @Transactional
    public ModelView adopt(long id, Caller by) {
        StoredModel model = store.find(id).orElseThrow(() -> ApiException.notFound("model-not-found",
                "no verdict model with id " + id));
        Instant now = Instant.now();
        store.adopt(id, by.username(), now);
        StoredModel adopted = model.adopted(by.username(), now);
        audit.record(by, "model-adopted", "model " + id, String.format(Locale.ROOT,
                "trained on %d files, cross-validated F1 %.3f", model.model().samples(),
                model.model().evaluation().model().f1()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                current.replace(adopted);
            }
        });
        log.info("verdict model {} adopted by {}", id, by.username());
        return ModelView.of(adopted);
    }
}
