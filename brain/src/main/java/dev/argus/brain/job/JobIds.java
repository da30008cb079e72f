package dev.argus.brain.job;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Job identity and the short forms used in log lines. */
public final class JobIds {

    private static final int SHA_PREFIX = 12;

    private JobIds() {
    }

    /**
     * The job id of one (scan, file, probe) pair: a name-based UUID, so a scan request handled twice (after a
     * crash between the confirmed publishes and the commit) yields the same job ids, and a probe's result for
     * the first handling matches the job rows of the second.
     */
    public static UUID of(UUID scanId, String sha256, String probe) {
        return UUID.nameUUIDFromBytes((scanId + "/" + sha256 + "/" + probe).getBytes(StandardCharsets.UTF_8));
    }

    /** The first 12 characters of a sha256, as every log line about a job shows it. */
    public static String shortSha(String sha256) {
        return sha256 == null || sha256.length() <= SHA_PREFIX ? String.valueOf(sha256) : sha256.substring(0, SHA_PREFIX);
    }
}
