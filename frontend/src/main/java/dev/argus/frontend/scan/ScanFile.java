package dev.argus.frontend.scan;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

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
    private int position;

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

    public int position() {
        return position;
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
