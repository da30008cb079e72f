package dev.argus.frontend.scan;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/scans} with a JSON body: scan files already stored, by sha256, without re-upload.
 *
 * @param sha256   the files, 1 or more
 * @param probes   probe names; default every online probe
 * @param force    false (default): stored results may be reused
 * @param tags     tags for the scan
 * @param metadata  a JSON object echoed back in the scan
 * @param passwords passwords to try first on encrypted containers (never stored nor shown)
 * @param callbackUrl a URL POSTed the scan's summary when it finishes, or null
 */
public record RescanRequest(List<String> sha256, List<String> probes, Boolean force, List<String> tags,
                            Map<String, Object> metadata, List<String> passwords, String callbackUrl) {

    /** A request without a callback. */
    public RescanRequest(List<String> sha256, List<String> probes, Boolean force, List<String> tags,
                         Map<String, Object> metadata, List<String> passwords) {
        this(sha256, probes, force, tags, metadata, passwords, null);
    }

    /** Shows everything but the passwords. */
    @Override
    public String toString() {
        return "RescanRequest[sha256=" + sha256 + ", probes=" + probes + ", force=" + force + ", tags=" + tags
                + ", passwords=" + (passwords == null ? 0 : passwords.size()) + ", callbackUrl=" + callbackUrl + "]";
    }
}
