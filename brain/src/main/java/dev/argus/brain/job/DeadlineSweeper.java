package dev.argus.brain.job;

import dev.argus.brain.BrainProperties;
import dev.argus.brain.registry.ProbeRegistry;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ResultsReported;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.Routes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code argus.brain.sweep-interval}, turns PENDING jobs past their deadline into {@code timeout} results ("no
 * result before the deadline") and reports them to the frontends, one {@code ResultsReported} per batch. Each batch
 * is one transaction whose report is confirmed before it commits; rows locked by another brain or by a result being
 * handled are skipped (and left to that one).
 */
@Component
class DeadlineSweeper implements SchedulingConfigurer {

    static final String TIMEOUT_ERROR = "no result before the deadline";
    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
    private static final int BATCH = 100;

    private final JobRows jobs;
    private final ProbeRegistry registry;
    private final MessagePublisher publisher;
    private final TransactionTemplate transactions;
    private final BrainProperties properties;
    private final Clock clock;
    private final JobMeters meters;

    DeadlineSweeper(JobRows jobs, ProbeRegistry registry, MessagePublisher publisher, TransactionTemplate transactions,
                    BrainProperties properties, Clock clock, JobMeters meters) {
        this.meters = meters;
        this.jobs = jobs;
        this.registry = registry;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    /** Times out every overdue job; failures are logged and retried at the next tick. */
    void sweep() {
        try {
            Integer swept;
            do {
                swept = transactions.execute(status -> sweepBatch());
            } while (swept != null && swept == BATCH);
        } catch (RuntimeException e) {
            log.error("Deadline sweep failed, retrying in {}: {}", properties.sweepInterval(), e.toString());
        }
    }

    private int sweepBatch() {
        Instant now = clock.instant();
        List<Job> overdue = jobs.lockOverdue(now, BATCH);
        if (overdue.isEmpty()) {
            return 0;
        }
        List<JobResult> reports = new ArrayList<>(overdue.size());
        for (Job job : overdue) {
            job.timeOut(EngineResult.withoutEngine(Category.TIMEOUT, TIMEOUT_ERROR,
                    registry.descriptor(job.probe()).orElse(null)), now);
            jobs.saveFinished(job);
            meters.timedOut(job.probe());
            reports.add(job.toResult());
        }
        publisher.publish(Routes.brainResults(new ResultsReported("brain", reports, now)));
        for (Job job : overdue) {
            log.info("Timed out scan {} file {} probe {} job {} at attempt {}: deadline {} passed", job.scanId(),
                    JobIds.shortSha(job.sha256()), job.probe(), job.id(), job.attempt(), job.deadline());
        }
        return overdue.size();
    }
}
