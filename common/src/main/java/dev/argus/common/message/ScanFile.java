package dev.argus.common.message;

/**
 * One file of a scan, as stored on the file store under its sha256.
 *
 * @param sha256   lower-case hex, the file store key
 * @param size     bytes
 * @param mimeType detected from the content by the frontend, never taken from the client
 */
public record ScanFile(String sha256, long size, String mimeType) {
}
