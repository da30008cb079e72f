package dev.argus.brain.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One probe process running one probe, and when it was last heard of. Written by {@link ProbeInstanceRepository#upsert}. */
@Entity
@Table(name = "probe_instance")
@IdClass(ProbeInstanceEntity.Key.class)
class ProbeInstanceEntity {

    @Id
    @Column(name = "instance_id")
    private String instanceId;
    @Id
    @Column(name = "probe_name")
    private String probeName;
    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected ProbeInstanceEntity() {
    }

    String instanceId() {
        return instanceId;
    }

    String probeName() {
        return probeName;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** The composite primary key. */
    record Key(String instanceId, String probeName) implements Serializable {
    }
}
