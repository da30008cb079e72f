package dev.argus.frontend.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A (sanitised) name a file was submitted under; for display and search only. */
@Entity
@Table(name = "file_name")
@IdClass(FileName.Key.class)
public class FileName {

    @Id
    private String sha256;
    @Id
    private String name;
    @Column(name = "first_seen")
    private Instant firstSeen;

    protected FileName() {
    }

    public String sha256() {
        return sha256;
    }

    public String name() {
        return name;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String sha256;
        private String name;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(sha256, other.sha256) && Objects.equals(name, other.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sha256, name);
        }
    }
}
