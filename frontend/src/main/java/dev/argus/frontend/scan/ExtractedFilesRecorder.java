package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.Extraction;
import dev.argus.common.message.ExtractionReport;
import dev.argus.frontend.catalog.FileCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the tree an extraction report describes, in the caller's transaction (the one storing the report's
 * result, with the scan row locked): each file found joins the catalogue and, unless the scan holds it already (the
 * same member in two archives joins once, under the first parent), the scan, with its parent, member path and depth,
 * after the scan's other files; every (container, member) pair is kept across scans for file reports; each container
 * gets its extraction outcome. The brain admitted the same files by the same rule, so the scan's total grows by
 * exactly the pairs the brain will answer.
 */
@Component
class ExtractedFilesRecorder {

    private final JdbcClient jdbc;
    private final FileCatalog catalog;

    ExtractedFilesRecorder(JdbcClient jdbc, FileCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * Records the report of {@code containerSha256} in the scan.
     *
     * @return the sha256 of the files that joined the scan, in order
     */
    List<String> record(UUID scanId, String containerSha256, ExtractionReport report, Instant now) {
        setExtraction(scanId, containerSha256, report.root());
        int position = jdbc.sql("select coalesce(max(position), -1) + 1 from scan_file where scan_id = :id")
                .param("id", scanId).query(Integer.class).single();
        List<String> added = new ArrayList<>();
        for (ExtractedFile file : report.files()) {
            catalog.recordMember(file, now);
            int inserted = jdbc.sql("""
                            insert into scan_file (scan_id, sha256, name, position, parent, path, depth, extraction)
                            values (:id, :sha256, null, :position, :parent, :path, :depth, cast(:extraction as jsonb))
                            on conflict (scan_id, sha256) do nothing""")
                    .param("id", scanId)
                    .param("sha256", file.sha256())
                    .param("position", position)
                    .param("parent", file.parent())
                    .param("path", file.path())
                    .param("depth", file.depth())
                    .param("extraction", json(file.extraction()))
                    .update();
            if (inserted == 1) {
                position++;
                added.add(file.sha256());
            }
        }
        return added;
    }

    private void setExtraction(UUID scanId, String sha256, Extraction extraction) {
        if (extraction == null) {
            return;
        }
        jdbc.sql("update scan_file set extraction = cast(:extraction as jsonb) where scan_id = :id and sha256 = :sha256")
                .param("extraction", json(extraction))
                .param("id", scanId)
                .param("sha256", sha256)
                .update();
    }

    private static String json(Extraction extraction) {
        return extraction == null ? null : ArgusJson.mapper().writeValueAsString(extraction);
    }
}
