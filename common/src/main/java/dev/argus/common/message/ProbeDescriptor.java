package dev.argus.common.message;

import java.util.Objects;

/**
 * What a probe (one engine) says about itself when it registers and heartbeats.
 *
 * @param name             the probe name, unique across the deployment, e.g. {@code clamav}; also the queue suffix
 * @param displayName      a human name, e.g. {@code ClamAV}
 * @param category         the kind of engine
 * @param version          the plugin version
 * @param engineVersion    the engine's own version, e.g. clamd's {@code 1.4.6}
 * @param signatureVersion the signature database version, or null where the engine has none or does not say
 * @param mimeTypes        a regex matched against the detected mime type, or null for every type
 * @param timeoutMs        how long the probe lets the engine run on one file
 */
public record ProbeDescriptor(
        String name,
        String displayName,
        ProbeCategory category,
        String version,
        String engineVersion,
        String signatureVersion,
        String mimeTypes,
        long timeoutMs) {

    public ProbeDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }
}
