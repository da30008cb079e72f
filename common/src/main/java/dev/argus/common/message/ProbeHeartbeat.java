package dev.argus.common.message;

import java.time.Instant;
import java.util.List;

/**
 * Event: a probe process is alive. It repeats the descriptors so that new engine or signature versions
 * reach the brain, and so a brain that lost its registry rebuilds it from heartbeats alone.
 */
public record ProbeHeartbeat(String instanceId, List<ProbeDescriptor> engines, Instant at) {
}
