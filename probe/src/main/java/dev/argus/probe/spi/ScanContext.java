package dev.argus.probe.spi;

import java.util.List;
import java.util.UUID;

/**
 * The job a file is scanned for, as far as an engine may need it.
 *
 * @param scanId    the scan
 * @param sha256    the file's sha256 (its file store key)
 * @param passwords the scan's passwords for encrypted containers, tried before the engine's own list; secrets: an
 *                  engine never logs them nor puts them in a result
 */
public record ScanContext(UUID scanId, String sha256, List<String> passwords) {

    public ScanContext {
        passwords = passwords == null ? List.of() : List.copyOf(passwords);
    }

    /** Names the job and counts the passwords, never shows them. */
    @Override
    public String toString() {
        return "ScanContext[scanId=" + scanId + ", sha256=" + sha256 + ", passwords=" + passwords.size() + "]";
    }
}
