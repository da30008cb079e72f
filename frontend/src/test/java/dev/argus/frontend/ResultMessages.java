package dev.argus.frontend;

import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.Routes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Results as a probe or the brain publish them: {@code ResultsReported} on the topic exchange {@code argus.results},
 * a probe with the routing key {@code probe.<name>}, the brain with {@code brain}; both reach the frontends' queue
 * {@code argus.frontend.results}. Published through the application's {@link MessagePublisher}, so each call returns
 * once the broker holds the message.
 */
final class ResultMessages {

    private ResultMessages() {
    }

    /** What the tests' engines answer: clamav 1.4.6 with signatures 27800, 3 ms, a detail. */
    static EngineResult engine(Category category, String threat) {
        return new EngineResult(category, threat, "1.4.6", "27800", 3, null, Map.of("engine", "clamd"));
    }

    /** A probe's answer for a pair (first attempt of a job). */
    static JobResult answer(UUID scanId, String sha256, String probe, Category category, String threat) {
        return answer(scanId, sha256, probe, engine(category, threat));
    }

    static JobResult answer(UUID scanId, String sha256, String probe, EngineResult result) {
        return new JobResult(UUID.randomUUID(), scanId, sha256, probe, 0, false, false, false, result);
    }

    /** A failed attempt the brain will retry: not the pair's answer. */
    static JobResult willRetry(UUID scanId, String sha256, String probe) {
        return new JobResult(UUID.randomUUID(), scanId, sha256, probe, 0, true, true, false,
                new EngineResult(Category.FAILURE, null, "1.4.6", "27800", 5, "engine crashed", Map.of()));
    }

    /** An answer the brain made without a job (filter, offline probe, deadline). */
    static JobResult fromBrain(UUID scanId, String sha256, String probe, Category category, String error) {
        return new JobResult(null, scanId, sha256, probe, 0, false, false, false,
                new EngineResult(category, null, null, null, 0, error, Map.of()));
    }

    /** One {@code ResultsReported} of the probe (routing key {@code probe.<name>}). */
    static void publishFromProbe(MessagePublisher publisher, String probe, JobResult... results) {
        publisher.publish(Routes.probeResults(probe, new ResultsReported(probe + "-test-instance", List.of(results),
                Instant.now())));
    }

    /** One {@code ResultsReported} of the brain (routing key {@code brain}). */
    static void publishFromBrain(MessagePublisher publisher, JobResult... results) {
        publisher.publish(Routes.brainResults(new ResultsReported("brain", List.of(results), Instant.now())));
    }
}
