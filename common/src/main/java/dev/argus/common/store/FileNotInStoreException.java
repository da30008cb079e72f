package dev.argus.common.store;

/** No file is stored under the requested sha256: a terminal condition, a retry will not help. */
public class FileNotInStoreException extends FileStoreException {

    public FileNotInStoreException(String sha256) {
        super("no file stored under sha256 " + sha256);
    }
}
