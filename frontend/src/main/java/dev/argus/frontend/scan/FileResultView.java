package dev.argus.frontend.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.argus.common.message.Extraction;
import dev.argus.frontend.verdict.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One file of a scan with its per-engine results (the API's FileResult).
 *
 * @param sha256   lower-case hex
 * @param md5      lower-case hex
 * @param sha1     lower-case hex
 * @param size     bytes
 * @param name     the name it was first submitted under in this scan, as sent (data: shown escaped, never a
 *                 path), or null
 * @param mimeType detected from the content
 * @param status   pending while results are expected
 * @param stats    category counts over {@code results}
 * @param results  by probe name, in the scan's probe order; a probe is absent until its result arrives
 * @param verdict    the verdict once every result is in (of this file and of every file found inside it), null
 *                   while pending; a container's is at least as bad as the worst of what it holds
 * @param parent     the sha256 of the container this file was found in, null for an uploaded file
 * @param path       its member path inside that container (data: shown escaped, never a path), null for an upload
 * @param depth      0 for an uploaded file, 1 for a member of one, and so on
 * @param extraction for a container, what became of it when it was opened, else null
 * @param otherNames the other names the same content had in the same upload (data, like {@code name}); omitted when
 *                   there are none
 */
public record FileResultView(String sha256, String md5, String sha1, long size, String name, String mimeType,
                             Status status, Stats stats, Map<String, ResultView> results,
                             Verdict verdict, String parent, String path, int depth, Extraction extraction,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> otherNames) {

    public FileResultView {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
    }

    /** A file without other names. */
    public FileResultView(String sha256, String md5, String sha1, long size, String name, String mimeType,
                          Status status, Stats stats, Map<String, ResultView> results, Verdict verdict, String parent,
                          String path, int depth, Extraction extraction) {
        this(sha256, md5, sha1, size, name, mimeType, status, stats, results, verdict, parent, path, depth,
                extraction, List.of());
    }

    /** An uploaded file (no parent). */
    public FileResultView(String sha256, String md5, String sha1, long size, String name, String mimeType,
                          Status status, Stats stats, Map<String, ResultView> results, Verdict verdict) {
        this(sha256, md5, sha1, size, name, mimeType, status, stats, results, verdict, null, null, 0, null);
    }

    /** This view with another verdict. */
    FileResultView withVerdict(Verdict newVerdict) {
        return new FileResultView(sha256, md5, sha1, size, name, mimeType, status, stats, results, newVerdict, parent,
                path, depth, extraction, otherNames);
    }

    /** {@code pending} while a result is missing and the scan is active, else {@code done}. */
    public enum Status {
        PENDING, DONE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
