package dev.argus.frontend.priority;

import dev.argus.common.message.WorkClass;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.web.ApiException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one rule for a scan's work class and the bound on bulk work. A scan is {@link WorkClass#BULK} when its client
 * asks for bulk ({@code priority=bulk}: the CLI's directory scans, rescans, the stale-result rescan) or when it holds
 * more than {@code argus.priority.bulk-files} distinct files; otherwise it is interactive. A client may lower its
 * work to bulk but never raise it: asking for {@code interactive} does not make a large batch or a rescan
 * interactive. Thread-safe.
 */
@Component
public class WorkClasses {

    private final ProbeDirectory directory;
    private final PriorityProperties properties;

    WorkClasses(ProbeDirectory directory, PriorityProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    /**
     * The work class of a scan.
     *
     * @param requested what the client asked for, or null
     * @param files     the scan's distinct files
     */
    public WorkClass classify(WorkClass requested, int files) {
        return requested == WorkClass.BULK || files > properties.bulkFiles() ? WorkClass.BULK : WorkClass.INTERACTIVE;
    }

    /**
     * Admits work for these probes: interactive work always; bulk work only while no probe's queue holds more than
     * {@code argus.priority.max-bulk-backlog} batches.
     *
     * @throws ApiException 503 {@code engine-backlog} with {@code Retry-After}, naming the engine and its backlog
     */
    public void admit(WorkClass workClass, List<String> probes) {
        if (workClass != WorkClass.BULK) {
            return;
        }
        directory.backedUp(probes, properties.maxBulkBacklog()).ifPresent(probe -> {
            throw ApiException.unavailable("engine-backlog", "engine '" + probe.name() + "' has "
                            + probe.backlog() + " job batches waiting, more than the " + properties.maxBulkBacklog()
                            + " allowed for bulk work; interactive scans still go through, retry bulk work later",
                            properties.retryAfter())
                    .with("engine", probe.name())
                    .with("backlog", probe.backlog())
                    .with("maxBulkBacklog", properties.maxBulkBacklog())
                    .with("retryAfterSeconds", properties.retryAfter().toSeconds());
        });
    }
}
