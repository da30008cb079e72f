package dev.argus.frontend.scan;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A per-scan PostgreSQL advisory lock held until the current transaction ends. The transaction that records a scan
 * takes it before it publishes {@code ScanRequested}, and a result of a scan not visible yet waits on it: so a result
 * that overtakes the commit of its scan waits for that commit instead of being dropped as unknown.
 */
@Component
class ScanLocks {

    private final JdbcClient jdbc;

    ScanLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks until this transaction holds the scan's lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID scanId) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", key(scanId)).query((rs, row) -> 0).list();
    }

    static long key(UUID scanId) {
        return scanId.getMostSignificantBits() ^ scanId.getLeastSignificantBits();
    }
}
