package dev.argus.frontend.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A scan: which probes run over which files, and how far it got. Read through JPA; written with explicit SQL
 * ({@link ScanService}, {@link ResultRecorder}) because progress must be counted atomically.
 */
@Entity
@Table(name = "scan")
public class Scan {

    @Id
    private UUID id;
    private ScanStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    private boolean force;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] probes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] tags;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;
    private int total;
    private String owner;
    private int done;

    protected Scan() {
    }

    public UUID id() {
        return id;
    }

    public ScanStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public boolean force() {
        return force;
    }

    public List<String> probes() {
        return List.of(probes);
    }

    public List<String> tags() {
        return List.of(tags);
    }

    public Map<String, Object> metadata() {
        return metadata == null ? Map.of() : metadata;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    /** The submitter's username; null for scans recorded before users existed. */
    public String owner() {
        return owner;
    }
}
