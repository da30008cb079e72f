package dev.argus.common.store;

import java.time.Instant;

/**
 * What the store knows of one file.
 *
 * @param sha256     its key
 * @param size       bytes
 * @param modifiedAt when it was last written
 */
public record StoredObject(String sha256, long size, Instant modifiedAt) {
}
