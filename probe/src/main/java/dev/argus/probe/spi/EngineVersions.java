package dev.argus.probe.spi;

/**
 * The versions that identify what an engine knows; results are cached by the brain per (file, probe, engine
 * version, signature version).
 *
 * @param engineVersion    the engine's own version, e.g. {@code 1.4.6}, or null when unknown
 * @param signatureVersion the signature database version, or null where the engine has none or cannot tell
 */
public record EngineVersions(String engineVersion, String signatureVersion) {

    /** Nothing known yet. */
    public static final EngineVersions UNKNOWN = new EngineVersions(null, null);
}
