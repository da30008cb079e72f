package dev.argus.frontend.priority;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Priority settings ({@code argus.priority.*}, docs/operations.md#priorities).
 *
 * @param bulkFiles      a scan of more distinct files than this is bulk work, whoever sends it (env
 *                       {@code ARGUS_PRIORITY_BULK_FILES}, default 10)
 * @param maxBulkBacklog job batches (of up to {@code argus.brain.batch-size} files) an engine's queue may hold, by
 *                       the brain's last measurement, before a bulk submission to that engine is refused with 503
 *                       (env {@code ARGUS_PRIORITY_MAX_BULK_BACKLOG}, default 500); interactive submissions are never
 *                       refused for a backlog
 * @param retryAfter     the {@code Retry-After} of that 503 (default 30s)
 */
@Validated
@ConfigurationProperties("argus.priority")
public record PriorityProperties(
        @DefaultValue("10") @Min(1) int bulkFiles,
        @DefaultValue("500") @Min(0) long maxBulkBacklog,
        @NotNull @DefaultValue("30s") Duration retryAfter) {
}
