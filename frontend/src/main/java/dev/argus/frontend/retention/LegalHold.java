package dev.argus.frontend.retention;

import java.time.Instant;

/**
 * A legal hold on a file: retention skips it and {@code DELETE /api/v1/files/{hash}} refuses it unless forced.
 *
 * @param sha256   the file held
 * @param reason   why, as the admin wrote it; may be null
 * @param placedBy the admin who placed it
 * @param placedAt when
 */
public record LegalHold(String sha256, String reason, String placedBy, Instant placedAt) {
}
