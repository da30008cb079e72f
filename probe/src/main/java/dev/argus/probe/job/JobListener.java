package dev.argus.probe.job;

import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ScanFiles;
import dev.argus.probe.spi.ScanEngine;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one engine's consumer does with a {@code ScanFiles} message (through a {@code GuardedConsumer}, which acks it
 * once this returned, requeues it when the probe is stopping or the broker refused the results, and parks a message
 * that is not a readable batch).
 */
final class JobListener {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);

    private final ScanEngine engine;
    private final JobRunner runner;

    JobListener(ScanEngine engine, JobRunner runner) {
        this.engine = engine;
        this.runner = runner;
    }

    void handle(List<Object> messages) throws InterruptedException {
        for (Object message : messages) {
            ScanFiles batch = (ScanFiles) message;
            if (!engine.name().equals(batch.probe())) {
                log.warn("probe {}: a batch of {} job(s) names probe '{}' but came through this engine's queue;"
                        + " scanning with '{}'", engine.name(), batch.jobs().size(), batch.probe(), engine.name());
            }
            runner.handle(batch, engine);
        }
    }

    /** Why a message cannot be a batch of jobs for this probe, or null. */
    static String problemWith(Object message) {
        if (!(message instanceof ScanFiles batch)) {
            return "a " + message.getClass().getSimpleName() + ", not a ScanFiles";
        }
        if (batch.jobs().isEmpty()) {
            return "a ScanFiles without jobs";
        }
        for (ProbeJob job : batch.jobs()) {
            if (job == null || job.jobId() == null || job.sha256() == null) {
                return "a job without jobId or sha256";
            }
        }
        return null;
    }
}
