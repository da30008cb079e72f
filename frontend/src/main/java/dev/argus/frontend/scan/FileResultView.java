package dev.argus.frontend.scan;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.argus.frontend.verdict.Verdict;
import java.util.Locale;
import java.util.Map;

/**
 * One file of a scan with its per-engine results (the API's FileResult).
 *
 * @param sha256   lower-case hex
 * @param md5      lower-case hex
 * @param sha1     lower-case hex
 * @param size     bytes
 * @param name     the sanitised name it was submitted under in this scan, or null
 * @param mimeType detected from the content
 * @param status   pending while results are expected
 * @param stats    category counts over {@code results}
 * @param results  by probe name, in the scan's probe order; a probe is absent until its result arrives
 * @param verdict  the verdict once every result is in, null while pending
 */
public record FileResultView(String sha256, String md5, String sha1, long size, String name, String mimeType,
                             Status status, Stats stats, Map<String, ResultView> results,
                             Verdict verdict) {

    /** {@code pending} while a result is missing and the scan is active, else {@code done}. */
    public enum Status {
        PENDING, DONE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
