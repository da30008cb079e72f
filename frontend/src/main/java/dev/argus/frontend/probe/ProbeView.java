package dev.argus.frontend.probe;

import java.time.Instant;

/**
 * A probe as {@code GET /api/v1/probes} shows it.
 *
 * @param name          the probe name, used in {@code probes} of a scan request and as result key
 * @param displayName   a human name
 * @param category      antivirus, metadata, database, external or tools
 * @param version       the plugin version
 * @param engineVersion the engine's version
 * @param mimeTypes     the regex of accepted mime types, or null for every type
 * @param online        an instance heartbeat recently and the directory itself is fresh
 * @param instances     online instances
 * @param lastSeen      the latest heartbeat of any instance
 * @param signatureVersion the engine's signature version, or null where it has none
 * @param backlog       job batches waiting in the probe's queue as the brain last measured them (every few
 *                      seconds), or null when not measured; bulk submissions are refused past
 *                      {@code argus.priority.max-bulk-backlog}
 */
public record ProbeView(String name, String displayName, String category, String version, String engineVersion,
                        String mimeTypes, boolean online, int instances, Instant lastSeen, String signatureVersion,
                        Long backlog) {
}
