package dev.argus.frontend.scan;

import dev.argus.common.message.Extraction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One distinct file of a scan, with the name and position it had in the request. */
@Entity
@Table(name = "scan_file")
@IdClass(ScanFile.Key.class)
public class ScanFile {

    @Id
    private UUID scanId;
    @Id
    private String sha256;
    private String name;
    @Column(name = "other_names")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] otherNames;
    private int position;
    private String parent;
    private String path;
    private int depth;
    @JdbcTypeCode(SqlTypes.JSON)
    private Extraction extraction;

    protected ScanFile() {
    }

    public UUID scanId() {
        return scanId;
    }

    public String sha256() {
        return sha256;
    }

    public String name() {
        return name;
    }

    /** The other names the same content had in the same upload, oldest first; empty when there are none. */
    public List<String> otherNames() {
        return otherNames == null ? List.of() : List.of(otherNames);
    }

    public int position() {
        return position;
    }

    /** The container it was found in, or null for an upload. */
    public String parent() {
        return parent;
    }

    /** Its member path inside the container, or null for an upload. */
    public String path() {
        return path;
    }

    /** 0 for an upload, 1 for a member of one, and so on. */
    public int depth() {
        return depth;
    }

    /** For a container, what became of it when it was opened; else null. */
    public Extraction extraction() {
        return extraction;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private UUID scanId;
        private String sha256;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(scanId, other.scanId)
                    && Objects.equals(sha256, other.sha256);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scanId, sha256);
        }
    }
}
