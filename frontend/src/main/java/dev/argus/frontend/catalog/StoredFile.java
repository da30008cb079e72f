package dev.argus.frontend.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A distinct content the frontend has seen, keyed by sha256. Read-only here; {@link FileCatalog} writes it. */
@Entity
@Table(name = "file")
public class StoredFile {

    @Id
    private String sha256;
    private String md5;
    private String sha1;
    private long size;
    @Column(name = "mime_type")
    private String mimeType;
    @Column(name = "first_seen")
    private Instant firstSeen;
    @Column(name = "last_seen")
    private Instant lastSeen;

    protected StoredFile() {
    }

    public String sha256() {
        return sha256;
    }

    public String md5() {
        return md5;
    }

    public String sha1() {
        return sha1;
    }

    public long size() {
        return size;
    }

    public String mimeType() {
        return mimeType;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }
}
