package dev.argus.common.message;

/**
 * One file found inside a container by the extraction engine and stored on the file store under its sha256, like an
 * upload. Member paths are data: they are shown, never used to build a path.
 *
 * @param sha256     lower-case hex, the file store key
 * @param md5        lower-case hex
 * @param sha1       lower-case hex
 * @param size       bytes
 * @param mimeType   detected from the content
 * @param parent     the sha256 of the container it was found in
 * @param path       its member path inside that container, as the container names it
 * @param depth      1 for a member of the scanned file, 2 for a member of such a member, and so on
 * @param extraction for a member that is itself a container, what became of it; null for any other file
 */
public record ExtractedFile(String sha256, String md5, String sha1, long size, String mimeType, String parent,
                            String path, int depth, Extraction extraction) {
}
