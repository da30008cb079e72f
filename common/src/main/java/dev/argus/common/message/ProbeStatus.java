package dev.argus.common.message;

import java.time.Instant;

/**
 * The brain's view of one probe.
 *
 * @param probe     the latest descriptor any instance sent
 * @param online    at least one instance heartbeat within the offline threshold
 * @param instances how many instances are online
 * @param lastSeen  the latest heartbeat or registration of any instance
 */
public record ProbeStatus(ProbeDescriptor probe, boolean online, int instances, Instant lastSeen) {
}
