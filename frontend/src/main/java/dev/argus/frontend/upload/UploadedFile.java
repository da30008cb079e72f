package dev.argus.frontend.upload;

/**
 * One {@code file} part of an upload.
 *
 * @param content  the spooled bytes and their hashes
 * @param name     the validated file name, or null
 * @param mimeType detected from the content
 */
record UploadedFile(SpooledFile content, String name, String mimeType) {
}
