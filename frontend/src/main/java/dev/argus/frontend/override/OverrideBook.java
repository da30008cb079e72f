package dev.argus.frontend.override;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The overrides in force, cached in memory so that a verdict costs no query: read through when older than
 * {@code argus.frontend.overrides.max-age} (a change on another frontend applies within it) and dropped when this
 * frontend commits a change (which applies at once here). Thread-safe.
 */
@Component
public class OverrideBook implements Supplier<OverrideSet> {

    private static final Logger log = LoggerFactory.getLogger(OverrideBook.class);

    private final OverrideStore store;
    private final OverrideProperties properties;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Autowired
    OverrideBook(OverrideStore store, OverrideProperties properties) {
        this(store, properties, Clock.systemUTC());
    }

    OverrideBook(OverrideStore store, OverrideProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The overrides in force (at most {@code max-age} old); the last ones read while the database cannot be. */
    @Override
    public OverrideSet get() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.readAt().plus(properties.maxAge()))) {
            try {
                current = new Snapshot(new OverrideSet(store.all()), now);
                snapshot = current;
            } catch (DataAccessException e) {
                log.warn("could not read the overrides, verdicts use the last ones read: {}", e.getMessage());
                return current == null ? OverrideSet.EMPTY : current.overrides();
            }
        }
        return current.overrides();
    }

    /** Drops the cache once the current transaction commits (at once without one). */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        } else {
            snapshot = null;
        }
    }

    private record Snapshot(OverrideSet overrides, Instant readAt) {
    }
}
