package dev.argus.common.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the extraction engine found in the file of one job: the outcome for that file, and every file found inside it,
 * members of members included, parents before their members. The brain adds those files to the scan (each one once per
 * scan), sends them to the scan's other probes and relays this report to the frontends, which record the tree.
 *
 * @param root  the outcome for the job's file
 * @param files every file found inside it, never null
 */
public record ExtractionReport(Extraction root, List<ExtractedFile> files) {

    /** The most files one report may add to a scan; the rest are dropped. */
    public static final int MAX_FILES = 10_000;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_MIME_LENGTH = 255;

    public ExtractionReport {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * This report as the brain relays it: strings made safe ({@link EngineText}), and only the files that fit the
     * tree of {@code rootSha256} — well-formed hashes, a size, a parent that is the root or a file listed before,
     * a depth one below that parent's — at most {@link #MAX_FILES}. A file listed twice keeps its first place.
     * Whatever a probe sends, what the brain adds to a scan is a tree rooted in the job's file.
     */
    public ExtractionReport sanitized(String rootSha256) {
        Map<String, Integer> depths = new HashMap<>();
        depths.put(rootSha256, 0);
        List<ExtractedFile> kept = new ArrayList<>();
        for (ExtractedFile file : files) {
            if (kept.size() >= MAX_FILES) {
                break;
            }
            if (file == null || !wellFormed(file) || depths.containsKey(file.sha256())) {
                continue;
            }
            Integer parentDepth = depths.get(file.parent());
            if (parentDepth == null || file.depth() != parentDepth + 1) {
                continue;
            }
            depths.put(file.sha256(), file.depth());
            String mime = EngineText.clean(file.mimeType());
            kept.add(new ExtractedFile(file.sha256(), file.md5(), file.sha1(), file.size(),
                    mime == null || mime.length() > MAX_MIME_LENGTH ? "application/octet-stream" : mime,
                    file.parent(), EngineText.clean(file.path()), file.depth(),
                    file.extraction() == null || file.extraction().status() == null ? null
                            : file.extraction().sanitized()));
        }
        Extraction outcome = root == null || root.status() == null ? null : root.sanitized();
        return new ExtractionReport(outcome, kept);
    }

    private static boolean wellFormed(ExtractedFile file) {
        return file.sha256() != null && SHA256.matcher(file.sha256()).matches()
                && file.sha1() != null && SHA1.matcher(file.sha1()).matches()
                && file.md5() != null && MD5.matcher(file.md5()).matches()
                && file.size() >= 0 && file.parent() != null;
    }
}
