package dev.argus.frontend.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention ({@code argus.retention.*}). Nothing is removed by age unless an age is set: by default the job only
 * sweeps store files no row references, and only those older than {@code orphanGrace}.
 *
 * @param enabled         whether the scheduled job runs at all ({@code POST /api/v1/admin/retention/run} works
 *                        either way)
 * @param interval        how often the job runs; the first run is one interval after start
 * @param filesUnseenFor  a file not seen (uploaded, found in an archive, named in a scan) for this long is deleted
 *                        like an admin's {@code DELETE /api/v1/files/{hash}}; unset: files are kept for ever
 * @param scansOlderThan  a finished, cancelled or failed scan created this long ago is deleted with its results;
 *                        unset: scans are kept for ever
 * @param orphanSweep     whether the job deletes store files no {@code file} row references
 * @param orphanGrace     a store file written less than this long ago is never swept: it may be an upload or an
 *                        extraction whose rows are not committed yet
 * @param batchSize       files or scans deleted per transaction
 */
@Validated
@ConfigurationProperties("argus.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("6h") Duration interval,
        Duration filesUnseenFor,
        Duration scansOlderThan,
        @DefaultValue("true") boolean orphanSweep,
        @NotNull @DefaultValue("24h") Duration orphanGrace,
        @DefaultValue("200") int batchSize) {
}
