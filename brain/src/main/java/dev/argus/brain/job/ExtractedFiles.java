package dev.argus.brain.job;

import dev.argus.common.message.ExtractionReport;
import dev.argus.messaging.OutboundMessage;
import java.time.Instant;
import java.util.List;

/**
 * What becomes of the files an extraction probe found in a job's file (implemented by the fan-out, which owns the
 * rule for new pairs): each one not yet part of the scan joins it, with a pair for every probe of the scan.
 */
public interface ExtractedFiles {

    /**
     * Adds the report's files to the finished job's scan, in the caller's transaction, and returns what to publish
     * before it commits: first the job's result with the report as the brain relays it (to the frontends, which
     * record the tree from it), then the new pairs' answers and jobs.
     *
     * @param job    the extraction job, just finished with the report's result
     * @param report what the probe found, as it sent it
     */
    List<OutboundMessage> admit(Job job, ExtractionReport report, Instant now);
}
