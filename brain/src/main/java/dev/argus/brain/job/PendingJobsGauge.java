package dev.argus.brain.job;

import dev.argus.brain.registry.ProbeRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code argus.jobs.pending{probe}}: jobs sent to a probe and not answered yet (in flight or queued), for
 * every known probe (0 when none). Read by one grouped query every {@code argus.brain.gauge-interval} (default 5s),
 * never per scrape; a failed read keeps the last values. Counts every brain's jobs: the table is shared.
 */
@Component
class PendingJobsGauge {

    private static final Logger log = LoggerFactory.getLogger(PendingJobsGauge.class);

    private final JobRows rows;
    private final ProbeRegistry registry;
    private final MultiGauge pending;

    PendingJobsGauge(JobRows rows, ProbeRegistry registry, MeterRegistry meters) {
        this.rows = rows;
        this.registry = registry;
        this.pending = MultiGauge.builder("argus.jobs.pending")
                .description("Jobs sent to a probe without an answer yet, by probe")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${argus.brain.gauge-interval:5s}")
    void refresh() {
        try {
            Map<String, Long> byProbe = new TreeMap<>();
            registry.statusesByName().keySet().forEach(probe -> byProbe.put(probe, 0L));
            byProbe.putAll(rows.pendingByProbe());
            pending.register(byProbe.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("probe", e.getKey()), e.getValue()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.debug("pending jobs not counted this time: {}", e.toString());
        }
    }
}
