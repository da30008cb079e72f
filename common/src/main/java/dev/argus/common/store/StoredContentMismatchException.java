package dev.argus.common.store;

/**
 * The file stored under a sha256 does not have that sha256: the store was tampered with or corrupted. Terminal, like
 * {@link FileNotInStoreException}: fetching the same bytes again gives the same answer, and an engine must never
 * scan (nor a user download) content other than the file its key names.
 */
public class StoredContentMismatchException extends FileStoreException {

    /** The sentence a failed job reports; it names no content. */
    public static final String MESSAGE = "file in store does not match its sha256";

    public StoredContentMismatchException(String sha256, String actual) {
        super(MESSAGE + " " + sha256 + " (its content hashes to " + actual + ")");
    }
}
