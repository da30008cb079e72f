package dev.argus.probe.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this process consumes jobs.
 *
 * @param prefetch    unacknowledged jobs each consumer may hold ({@code ARGUS_PROBE_PREFETCH}), default 1, so idle
 *                    competing probes get the next job rather than a busy one
 * @param concurrency consumers, i.e. files scanned at once, per engine ({@code ARGUS_PROBE_CONCURRENCY}), default 2
 * @param workDir     where job files are downloaded ({@code ARGUS_PROBE_WORKDIR}), default
 *                    {@code ${java.io.tmpdir}/argus-probe}; each process uses its own sub-directory and removes the
 *                    ones that processes killed mid-job left behind
 * @param maxFailures how often a job batch that fails in this process for reasons of its own (not a broker outage)
 *                    is tried before it is parked in {@code argus.dead-letters} ({@code ARGUS_PROBE_MAX_FAILURES}),
 *                    default 5
 */
@Validated
@ConfigurationProperties("argus.probe")
public record JobProperties(
        @DefaultValue("1") @Min(1) @Max(1000) int prefetch,
        @DefaultValue("2") @Min(1) @Max(256) int concurrency,
        Path workDir,
        @DefaultValue("5") @Min(1) int maxFailures) {

    public JobProperties {
        workDir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "argus-probe");
    }
}
