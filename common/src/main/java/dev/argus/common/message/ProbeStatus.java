package dev.argus.common.message;

import java.time.Instant;

/**
 * The brain's view of one probe.
 *
 * @param probe     the latest descriptor any instance sent
 * @param online    at least one instance heartbeat within the offline threshold
 * @param instances how many instances are online
 * @param lastSeen  the latest heartbeat or registration of any instance
 * @param backlog   messages (job batches) ready in the probe's queue as the brain last measured them, or null when
 *                  it has not (yet); what bounds bulk submissions (docs/architecture.md#priorities)
 */
public record ProbeStatus(ProbeDescriptor probe, boolean online, int instances, Instant lastSeen, Long backlog) {

    /** A status without a measured backlog. */
    public ProbeStatus(ProbeDescriptor probe, boolean online, int instances, Instant lastSeen) {
        this(probe, online, instances, lastSeen, null);
    }

    /** This status with the backlog measured. */
    public ProbeStatus withBacklog(Long measured) {
        return new ProbeStatus(probe, online, instances, lastSeen, measured);
    }
}
