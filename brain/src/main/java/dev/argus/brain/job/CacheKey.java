package dev.argus.brain.job;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeDescriptor;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a cached result must match: the file, the probe, and the probe's CURRENT engine and signature
 * versions (a new signature database invalidates every earlier verdict).
 *
 * @param sha256           the file
 * @param probe            the probe name
 * @param engineVersion    the probe's current engine version, never null
 * @param signatureVersion the probe's current signature version; null matches results without one
 */
public record CacheKey(String sha256, String probe, String engineVersion, String signatureVersion) {

    /** The categories a cache hit may have: verdicts an engine actually reached ({@link Category#isConclusive}). */
    public static final Set<Category> CACHEABLE = Arrays.stream(Category.values())
            .filter(Category::isConclusive)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The key to look up for a pair, or empty when the cache must not be used: the scan forces a rescan, or
     * the probe does not say its engine version (results of unknown engines cannot be matched).
     */
    public static Optional<CacheKey> forPair(boolean force, String sha256, ProbeDescriptor probe) {
        if (force || probe.engineVersion() == null || probe.engineVersion().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CacheKey(sha256, probe.name(), probe.engineVersion(), probe.signatureVersion()));
    }
}
