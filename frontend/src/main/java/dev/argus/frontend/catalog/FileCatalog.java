package dev.argus.frontend.catalog;

import dev.argus.common.message.ExtractedFile;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the catalogue: a file row per distinct content (first seen kept, last seen moved on) and each name it
 * was submitted under. Runs inside the caller's transaction.
 */
@Component
public class FileCatalog {

    private final JdbcClient jdbc;
    private final FileNameRepository names;

    FileCatalog(JdbcClient jdbc, FileNameRepository names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /**
     * Records that the file was seen now, under its name if it has one.
     *
     * @return true when the file is new to the catalogue (nothing can be stored about it yet)
     */
    public boolean record(NewFile file, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // xmax is 0 only on a row this statement inserted, not on one it updated
        boolean inserted = jdbc.sql("""
                        insert into file (sha256, md5, sha1, size, mime_type, first_seen, last_seen)
                        values (:sha256, :md5, :sha1, :size, :mimeType, :at, :at)
                        on conflict (sha256) do update set last_seen = greatest(file.last_seen, excluded.last_seen)
                        returning (xmax = 0) as inserted
                        """)
                .param("sha256", file.sha256())
                .param("md5", file.md5())
                .param("sha1", file.sha1())
                .param("size", file.size())
                .param("mimeType", file.mimeType())
                .param("at", at)
                .query(Boolean.class)
                .single();
        if (file.name() != null) {
            recordName(file.sha256(), file.name(), now);
        }
        return inserted;
    }

    /** Records one more name of a file already recorded; a name it had before keeps its first-seen time. */
    public void recordName(String sha256, String name, Instant now) {
        jdbc.sql("""
                        insert into file_name (sha256, name, first_seen) values (:sha256, :name, :at)
                        on conflict do nothing
                        """)
                .param("sha256", sha256)
                .param("name", name)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /**
     * Records a file found inside a container: its row (as {@link #record}, without a name: its member path is data
     * of the pair) and the (container, member, path) pair.
     */
    public void recordMember(ExtractedFile file, Instant now) {
        record(new NewFile(file.sha256(), file.md5(), file.sha1(), file.size(), file.mimeType(), null), now);
        jdbc.sql("""
                        insert into file_member (parent, child, path, first_seen) values (:parent, :child, :path, :at)
                        on conflict do nothing
                        """)
                .param("parent", file.parent())
                .param("child", file.sha256())
                .param("path", file.path() == null ? "" : file.path())
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /**
     * The first name each file was submitted under in the owner's scans (owner null: any scan); files without
     * such a name are absent.
     */
    public Map<String, String> firstNames(Collection<String> sha256s, String owner) {
        Map<String, String> first = new LinkedHashMap<>();
        for (FileName name : names.findVisible(sha256s, owner)) {
            first.putIfAbsent(name.sha256(), name.name());
        }
        return first;
    }
}
