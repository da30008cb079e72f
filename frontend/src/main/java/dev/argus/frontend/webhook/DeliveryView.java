package dev.argus.frontend.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of a scan's end to one target, as {@code GET /api/v1/scans/{id}/webhooks} shows it.
 *
 * @param id             the delivery id (the {@code X-Argus-Delivery} header)
 * @param kind           {@code callback} (the scan's callbackUrl) or {@code subscription}
 * @param subscriptionId the subscription, null for a callback or once the subscription is deleted
 * @param url            the target
 * @param event          {@code scan.finished} or {@code scan.cancelled}
 * @param status         {@code pending}, {@code delivered} or {@code failed}
 * @param attempts       requests made or started
 * @param lastStatus     the HTTP status of the last answer, null if none came
 * @param lastError      why the last attempt failed, null after a success
 * @param lastAttemptAt  when the last attempt started
 * @param nextAttemptAt  when the next attempt is due (pending only)
 * @param deliveredAt    when a receiver answered 2xx
 * @param deadline       no attempt is made after it; the delivery is failed then
 */
record DeliveryView(UUID id, String kind, UUID subscriptionId, String url, String event, String status, int attempts,
                    Integer lastStatus, String lastError, Instant createdAt, Instant lastAttemptAt,
                    Instant nextAttemptAt, Instant deliveredAt, Instant deadline) {
}
