package dev.argus.frontend.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One probe of the frontend's copy of the brain's directory. Rows are replaced, never updated. */
@Entity
@Table(name = "probe")
class ProbeEntry {

    @Id
    private String name;
    @Column(name = "display_name")
    private String displayName;
    private String category;
    private String version;
    @Column(name = "engine_version")
    private String engineVersion;
    @Column(name = "signature_version")
    private String signatureVersion;
    @Column(name = "mime_types")
    private String mimeTypes;
    private boolean online;
    private int instances;
    @Column(name = "last_seen")
    private Instant lastSeen;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private Long backlog;

    protected ProbeEntry() {
    }

    /** Job batches ready in the probe's queue as the brain last measured them, or null. */
    Long backlog() {
        return backlog;
    }

    String signatureVersion() {
        return signatureVersion;
    }

    String name() {
        return name;
    }

    String displayName() {
        return displayName;
    }

    String category() {
        return category;
    }

    String version() {
        return version;
    }

    String engineVersion() {
        return engineVersion;
    }

    String mimeTypes() {
        return mimeTypes;
    }

    boolean online() {
        return online;
    }

    int instances() {
        return instances;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
