package dev.argus.probe.job;

import dev.argus.common.message.Category;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The timer {@code argus.engine.scan{engine, category}}: how long an engine took for one file, from the start of
 * its scan to its answer, a timeout or its failure, with a percentile histogram (Prometheus
 * {@code argus_engine_scan_seconds_bucket}) for latency quantiles across probe instances. Fetching the file is not
 * part of it. Thread-safe.
 */
public final class ScanMeters {

    private final MeterRegistry registry;

    public ScanMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One file scanned by {@code engine} in {@code took}, answering {@code category}. */
    void scanned(String engine, Category category, Duration took) {
        Timer.builder("argus.engine.scan")
                .description("Time an engine took to scan one file, by engine and result category")
                .tag("engine", engine)
                .tag("category", category.wireName())
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }
}
