package dev.argus.brain.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A scan the brain has heard of, the key of its idempotency: {@code requested} once its ScanRequested was
 * fanned out, {@code cancelled} once a CancelScan arrived (possibly before the request, which is then
 * ignored). Written by {@link ScanRows} (requested) and {@link ScanRepository} (cancelled).
 */
@Entity
@Table(name = "scan")
class ScanEntity {

    @Id
    private UUID id;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(nullable = false)
    private boolean cancelled;
    @Column(nullable = false)
    private boolean requested;

    protected ScanEntity() {
    }

    boolean cancelled() {
        return cancelled;
    }
}
