package dev.argus.frontend.scan;

import java.time.Instant;
import java.util.UUID;

/**
 * In-process event, published synchronously INSIDE the transaction that makes a scan's status final (finished, also
 * by the watchdog past the deadline, answered from stored results at submission, or cancelled). Unlike
 * {@link ScanStatusChanged} it is not delivered after commit: a plain {@code @EventListener} runs in that transaction,
 * so what it writes commits or rolls back with the scan's new status (the webhook outbox relies on it), and an
 * exception it throws rolls the change back.
 *
 * @param scanId     the scan
 * @param status     its final status
 * @param finishedAt when it finished or was cancelled
 */
public record ScanFinished(UUID scanId, ScanStatus status, Instant finishedAt) {
}
