package dev.argus.frontend.upload;

import java.nio.file.Path;

/**
 * An upload part written to a temp file, with the hashes computed on the way.
 *
 * @param path   the temp file; deleted by whoever holds the upload
 * @param size   bytes
 * @param md5    lower-case hex
 * @param sha1   lower-case hex
 * @param sha256 lower-case hex
 */
record SpooledFile(Path path, long size, String md5, String sha1, String sha256) {
}
