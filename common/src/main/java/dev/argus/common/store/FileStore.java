package dev.argus.common.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files by sha256. Keys are validated lower-case sha256 hex, never a user's file name. Implementations are
 * thread-safe.
 */
public interface FileStore extends AutoCloseable {

    /** Stores the stream's bytes under the key; a concurrent reader sees either no file or the whole file. */
    void store(String sha256, InputStream content);

    /**
     * Downloads the file into a new temp file in {@code directory}; the caller deletes it. The content is checked
     * against the key while it is written, so a caller never gets bytes whose sha256 is not the key.
     *
     * @throws FileNotInStoreException         when no file has that key
     * @throws StoredContentMismatchException when the stored bytes do not hash to the key (no temp file is left)
     */
    Path fetch(String sha256, Path directory);

    /** True when a file is stored under the key. */
    boolean exists(String sha256);

    /** Deletes the file; false when there was none. */
    boolean delete(String sha256);

    /** The directories that hold keys ({@link StoreKeys#directory}, e.g. {@code ab/cd}), for a sweep of the store. */
    List<String> directories();

    /** The keys stored in one of {@link #directories()}; names that are not a sha256 (partial uploads) are left out. */
    List<String> keys(String directory);

    /** The size and last write of the file under the key, or empty when there is none. */
    Optional<StoredObject> stat(String sha256);

    @Override
    void close();
}
