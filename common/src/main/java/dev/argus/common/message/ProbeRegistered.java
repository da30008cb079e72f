package dev.argus.common.message;

import java.time.Instant;
import java.util.List;

/**
 * Event: a probe process offers these engines. Sent once when the process starts ({@code heartbeat} false) and
 * then every heartbeat interval ({@code heartbeat} true) with fresh descriptors, so new engine or signature versions
 * reach the brain and a brain that lost its registry rebuilds it from heartbeats alone. Durable, so it reaches a
 * brain that is down. The brain handles both alike.
 *
 * @param instanceId unique per probe process (host name and a random suffix)
 * @param engines    one descriptor per engine the process runs
 * @param heartbeat  false for the first message of a process, true for the periodic ones
 * @param at         when the probe sent it
 */
public record ProbeRegistered(String instanceId, List<ProbeDescriptor> engines, boolean heartbeat, Instant at) {
}
