package dev.argus.common.message;

import java.util.List;

/**
 * Command, brain to one engine's queue: scan these files. The files of one upload travel together, at most
 * {@code argus.brain.batch-size} per message; a retry is a batch of one. The probe acknowledges the message once
 * the {@link ResultsReported} of the whole batch is confirmed.
 *
 * @param probe the probe (engine) name, the routing key
 * @param jobs  one job per file, never empty
 * @param workClass the class of every job of the batch, sent as the message's AMQP priority too; a message without
 *                  one (from a brain of before) is interactive
 */
public record ScanFiles(String probe, List<ProbeJob> jobs, WorkClass workClass) {

    public ScanFiles {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        workClass = WorkClass.orInteractive(workClass);
    }

    /** A batch of interactive jobs. */
    public ScanFiles(String probe, List<ProbeJob> jobs) {
        this(probe, jobs, WorkClass.INTERACTIVE);
    }
}
