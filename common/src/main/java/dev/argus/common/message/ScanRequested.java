package dev.argus.common.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event, frontend to brain: a scan was recorded; fan it out. Handling is idempotent by {@code scanId}.
 *
 * @param scanId the scan
 * @param files  distinct files (by sha256) of the scan
 * @param probes the probe names to run, already validated against the probe directory
 * @param force  false: reuse a stored result for the same sha256, probe, engine and signature version
 * @param at        when the frontend recorded the scan
 * @param passwords passwords to try first on encrypted containers of this scan (secrets: never logged), or empty
 * @param workClass interactive or bulk: the priority of the scan's probe jobs ({@link WorkClass}); a message without
 *                  one (from a frontend of before) is interactive
 */
public record ScanRequested(UUID scanId, List<ScanFile> files, List<String> probes, boolean force, Instant at,
                            List<String> passwords, WorkClass workClass) {

    public ScanRequested {
        passwords = passwords == null ? List.of() : List.copyOf(passwords);
        workClass = WorkClass.orInteractive(workClass);
    }

    /** An interactive scan. */
    public ScanRequested(UUID scanId, List<ScanFile> files, List<String> probes, boolean force, Instant at,
                         List<String> passwords) {
        this(scanId, files, probes, force, at, passwords, WorkClass.INTERACTIVE);
    }

    /** A scan without passwords. */
    public ScanRequested(UUID scanId, List<ScanFile> files, List<String> probes, boolean force, Instant at) {
        this(scanId, files, probes, force, at, List.of());
    }

    /** Names the scan and counts its passwords, never shows them. */
    @Override
    public String toString() {
        return "ScanRequested[scanId=" + scanId + ", files=" + files + ", probes=" + probes + ", force=" + force
                + ", at=" + at + ", passwords=" + passwords.size() + ", workClass=" + workClass + "]";
    }
}
