package dev.argus.frontend.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The counters of scans at this frontend: {@code argus.scans.recorded} (scans recorded, uploads and rescans) and
 * {@code argus.results{probe, category}} (engine answers stored, each counted once however often it was delivered;
 * cached answers included). A count made inside a transaction is added when it commits, so a rolled back and
 * redelivered batch counts once. Thread-safe.
 */
@Component
class ScanMeters {

    private final MeterRegistry registry;
    private final Counter scansCreated;

    ScanMeters(MeterRegistry registry) {
        this.registry = registry;
        this.scansCreated = Counter.builder("argus.scans.recorded")
                .description("Scans recorded (uploads and rescans)")
                .register(registry);
    }

    /** A scan was recorded. */
    void scanCreated() {
        afterCommit(scansCreated);
    }

    /** An answer of {@code probe} in {@code category} (wire name, e.g. {@code malicious}) was stored. */
    void resultStored(String probe, String category) {
        afterCommit(Counter.builder("argus.results")
                .description("Engine answers stored, by probe and category")
                .tag("probe", probe)
                .tag("category", category)
                .register(registry));
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
