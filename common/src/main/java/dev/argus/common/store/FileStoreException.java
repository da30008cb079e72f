package dev.argus.common.store;

/** The file store could not be reached or refused an operation; usually worth a retry. */
public class FileStoreException extends RuntimeException {

    public FileStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public FileStoreException(String message) {
        super(message);
    }
}
