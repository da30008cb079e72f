package dev.argus.common.message;

import java.time.Instant;
import java.util.List;

/**
 * Event: answers for (scan, file, probe) pairs, published once per batch to the topic exchange
 * {@code argus.results}, which hands one copy to the frontends (they store the pairs' answers) and, for a probe's
 * results, one to the brain (it books them against its jobs and sends retries). A probe publishes one per
 * {@link ScanFiles} it handled; the brain one per fan-out with the pairs it answered at once, and one per deadline
 * sweep. Every receiver is idempotent per pair.
 *
 * @param producer the probe instance id, or {@code brain}
 * @param results  the answers, never empty
 * @param at       when it was published
 */
public record ResultsReported(String producer, List<JobResult> results, Instant at) {

    public ResultsReported {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
