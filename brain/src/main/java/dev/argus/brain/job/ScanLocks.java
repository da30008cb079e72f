package dev.argus.brain.job;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A per-scan PostgreSQL advisory lock held until the current transaction ends. The fan-out, the cancel and
 * the handling of a result for a job not (yet) visible take it, so a result that overtakes the commit of its
 * scan's fan-out waits for that commit instead of being dropped as unknown.
 */
@Component
public class ScanLocks {

    private final JdbcTemplate jdbc;

    ScanLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks until this transaction holds the scan's lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID scanId) {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, key(scanId));
    }

    static long key(UUID scanId) {
        return scanId.getMostSignificantBits() ^ scanId.getLeastSignificantBits();
    }
}
