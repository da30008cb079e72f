package dev.argus.brain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the brain ({@code argus.brain.*}).
 *
 * @param jobDeadline       how long a probe has to answer a job, counted from its first dispatch; retries keep
 *                          the same deadline. Past it the sweeper reports a {@code timeout} result
 * @param maxAttempts       how many times a job is sent in total (first dispatch included) while its results
 *                          are retryable; the result of the last attempt is reported whatever it is
 * @param sweepInterval     how often the brain looks for overdue jobs and for probes whose last instance went
 *                          silent
 * @param probeOfflineAfter a probe is online while one of its instances was seen within this time (probes
 *                          heartbeat every 5 s)
 * @param directoryInterval how often the whole probe directory is sent to the frontends even without a change
 * @param offlineGrace      a known probe offline for less than this (a restart, a redeploy, a brain that has not read
 *                          the probe's heartbeats yet) still gets its jobs, which wait in its durable queue until it is
 *                          back or their deadline passes; past it, scans get {@code failure} "probe offline" at once
 * @param batchSize         most files one {@code ScanFiles} message carries to a probe: the files of one upload travel
 *                          together, and a large upload is shared among several probe instances
 * @param maxFailures       how often a message the brain cannot handle is tried before it is parked in
 *                          {@code argus.dead-letters}
 * @param maxProbes         most probe names the registry keeps: a registration of a new name beyond it is ignored
 *                          (with a WARN), so forged registrations cannot grow the registry and its queues without bound
 * @param forgetProbesAfter a probe none of whose instances was heard of for this long is forgotten (its row; its queue
 *                          stays until its next registration re-declares it or an operator deletes it)
 * @param maxJobsPerScan    most (file, probe) pairs one scan may hold, files found by extraction included: a
 *                          {@code ScanRequested} over it is parked in {@code argus.dead-letters} unread, and an
 *                          extraction adds no more files than fit (the frontend holds the same bound,
 *                          {@code argus.upload.max-jobs-per-scan})
 */
@ConfigurationProperties("argus.brain")
@Validated
public record BrainProperties(
        @DefaultValue("10m") @NotNull @DurationMin(millis = 1) Duration jobDeadline,
        @DefaultValue("3") @Min(1) int maxAttempts,
        @DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration sweepInterval,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration probeOfflineAfter,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 10) Duration directoryInterval,
        @DefaultValue("2m") @NotNull Duration offlineGrace,
        @DefaultValue("10") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("5") @Min(1) int maxFailures,
        @DefaultValue("500") @Min(1) int maxProbes,
        @DefaultValue("30d") @NotNull @DurationMin(minutes = 1) Duration forgetProbesAfter,
        @DefaultValue("10000") @Min(1) int maxJobsPerScan) {
}
