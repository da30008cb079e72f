package dev.argus.frontend.verdict;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What Argus concludes about a file (the API's {@code verdict}).
 *
 * @param label       malicious, suspicious, clean or unknown
 * @param confidence  0 to 1, see docs/verdict.md
 * @param method      {@code model:<id>}, {@code threshold}, or {@code override} (an admin allow- or block-listed
 *                    the file)
 * @param explanation why, readable: the tree path (e.g. {@code clamav=malicious}) or the detections counted, after
 *                    any override that changed the verdict, with who set it and why
 */
public record Verdict(Label label, double confidence, String method, List<String> explanation) {

    public Verdict {
        explanation = List.copyOf(explanation);
    }

    /** The verdict's label. */
    public enum Label {
        MALICIOUS, SUSPICIOUS, CLEAN, UNKNOWN;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
