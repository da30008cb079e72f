package dev.argus.common.message;

import java.time.Instant;
import java.util.List;

/**
 * Event: a probe process started and offers these engines. Sent durably, so it reaches a brain that is down.
 *
 * @param instanceId unique per probe process (host name and a random suffix)
 * @param engines    one descriptor per engine the process runs
 * @param at         when the probe sent it
 */
public record ProbeRegistered(String instanceId, List<ProbeDescriptor> engines, Instant at) {
}
