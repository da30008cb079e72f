package dev.argus.frontend.catalog;

/**
 * A file about to be recorded (uploaded, or rescanned from the catalogue).
 *
 * @param sha256   lower-case hex, the store key
 * @param md5      lower-case hex
 * @param sha1     lower-case hex
 * @param size     bytes
 * @param mimeType detected from the content
 * @param name     the sanitised display name, or null
 */
public record NewFile(String sha256, String md5, String sha1, long size, String mimeType, String name) {
}
