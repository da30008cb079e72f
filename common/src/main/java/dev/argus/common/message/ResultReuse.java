package dev.argus.common.message;

/**
 * The one rule for reusing an earlier result instead of scanning again (the brain's result cache and the
 * frontend's answer-at-upload both apply it): the scan does not force a rescan; the probe says its engine version;
 * the earlier result is conclusive ({@link Category#isConclusive()}) and was made by the probe's CURRENT engine
 * version and signature version (a new signature database invalidates every earlier verdict; a probe without a
 * signature version matches results without one); the probe is no extraction probe (what it found depends on the
 * scan's passwords, and the files it reports must join each scan anew). Pure; thread-safe.
 */
public final class ResultReuse {

    private ResultReuse() {
    }

    /** Whether any stored result may stand in for scanning with this probe (false: always scan). */
    public static boolean allowed(boolean force, ProbeDescriptor probe) {
        return probe != null && reusesResultsOf(probe.category()) && allowed(force, probe.engineVersion());
    }

    /** Whether results of a probe of this category may ever be reused: all but extraction probes'. */
    public static boolean reusesResultsOf(ProbeCategory category) {
        return category != ProbeCategory.EXTRACTOR;
    }

    /** As {@link #allowed(boolean, ProbeDescriptor)}, from the probe's current engine version. */
    public static boolean allowed(boolean force, String currentEngineVersion) {
        return !force && currentEngineVersion != null && !currentEngineVersion.isBlank();
    }

    /**
     * Whether a stored result of this probe may be reused now.
     *
     * @param force            the scan forces a rescan
     * @param current          the probe's current descriptor
     * @param category         the stored result's category
     * @param engineVersion    the engine version that made it
     * @param signatureVersion the signature version that made it, or null
     */
    public static boolean reusable(boolean force, ProbeDescriptor current, Category category, String engineVersion,
                                   String signatureVersion) {
        return current != null && reusesResultsOf(current.category()) && reusable(force, current.engineVersion(), current.signatureVersion(), category,
                engineVersion, signatureVersion);
    }

    /** As {@link #reusable(boolean, ProbeDescriptor, Category, String, String)}, from the probe's current versions. */
    public static boolean reusable(boolean force, String currentEngineVersion, String currentSignatureVersion,
                                   Category category, String engineVersion, String signatureVersion) {
        return allowed(force, currentEngineVersion)
                && category != null && category.isConclusive()
                && madeWithCurrentVersions(currentEngineVersion, currentSignatureVersion, engineVersion,
                signatureVersion);
    }

    private static boolean madeWithCurrentVersions(String currentEngineVersion, String currentSignatureVersion,
                                                   String engineVersion, String signatureVersion) {
        return currentEngineVersion.equals(engineVersion)
                && java.util.Objects.equals(currentSignatureVersion, signatureVersion);
    }

    /**
     * Whether a stored result is stale: the probe says its current engine version, and the result was made by an
     * engine (it names its version) with another engine version or another signature version than the current
     * ones. A stale result is never reused, and the API marks it {@code "stale": true}. A result without an engine
     * version (the brain's answers: probe offline, type unsupported) is never stale.
     */
    public static boolean stale(String currentEngineVersion, String currentSignatureVersion, String engineVersion,
                                String signatureVersion) {
        if (currentEngineVersion == null || currentEngineVersion.isBlank() || engineVersion == null) {
            return false;
        }
        return !madeWithCurrentVersions(currentEngineVersion, currentSignatureVersion, engineVersion,
                signatureVersion);
    }
}
