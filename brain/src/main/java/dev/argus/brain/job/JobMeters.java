package dev.argus.brain.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The counters of the job lifecycle, tagged by probe: {@code argus.jobs.retried} (a job re-sent to its probe after a
 * retryable failure) and {@code argus.jobs.timed.out} (a job the deadline sweeper ended as {@code timeout}). A count
 * made inside a transaction is added when it commits, so a batch rolled back and redelivered counts once.
 * Thread-safe.
 */
@Component
class JobMeters {

    private final MeterRegistry registry;

    JobMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The job of {@code probe} is sent again for its next attempt. */
    void retried(String probe) {
        afterCommit(counter("argus.jobs.retried", "Jobs re-sent to their probe after a retryable failure", probe));
    }

    /** The job of {@code probe} ended without a result before its deadline. */
    void timedOut(String probe) {
        afterCommit(counter("argus.jobs.timed.out", "Jobs ended as timeout by the deadline sweeper", probe));
    }

    private Counter counter(String name, String description, String probe) {
        return Counter.builder(name).description(description).tag("probe", probe).register(registry);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
