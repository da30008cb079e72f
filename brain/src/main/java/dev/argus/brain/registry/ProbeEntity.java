package dev.argus.brain.registry;

import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A probe (engine) the brain has heard of, with the latest descriptor any of its instances sent. Read-only here: rows are written by {@link ProbeRepository#upsert}. */
@Entity
@Table(name = "probe")
class ProbeEntity {

    @Id
    private String name;
    @Column(name = "display_name")
    private String displayName;
    @Convert(converter = ProbeCategoryConverter.class)
    @Column(nullable = false)
    private ProbeCategory category;
    private String version;
    @Column(name = "engine_version")
    private String engineVersion;
    @Column(name = "signature_version")
    private String signatureVersion;
    @Column(name = "mime_types")
    private String mimeTypes;
    @Column(name = "timeout_ms", nullable = false)
    private long timeoutMs;
    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;
    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;
    @Column(name = "registered_by")
    private String registeredBy;

    protected ProbeEntity() {
    }

    String name() {
        return name;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** The RabbitMQ user that registered the probe first, or null when not recorded yet. */
    String registeredBy() {
        return registeredBy;
    }

    ProbeDescriptor toDescriptor() {
        return new ProbeDescriptor(name, displayName, category, version, engineVersion, signatureVersion, mimeTypes,
                timeoutMs);
    }
}
