package dev.argus.probe.engine.extract;

import dev.argus.common.store.FileStore;
import dev.argus.common.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A directory-backed file store for the tests: keeps each file under its key, and records every {@code store} call
 * and the bytes it received, so a test can bound what an extraction stored.
 */
final class RecordingFileStore implements FileStore {

    private final Path directory;
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesReceived = new AtomicLong();

    RecordingFileStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public void store(String sha256, InputStream content) {
        try {
            Path target = directory.resolve(sha256);
            long size = Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
            String actual = ExtractTestSupport.sha256(target);
            if (!actual.equals(sha256)) {
                throw new IllegalStateException("stored content hashes to " + actual + ", not " + sha256);
            }
            bytesReceived.addAndGet(size);
            stored.add(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path fetch(String sha256, Path target) {
        throw new UnsupportedOperationException("not used by the extract engine");
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(directory.resolve(sha256));
    }

    @Override
    public boolean delete(String sha256) {
        try {
            return Files.deleteIfExists(directory.resolve(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> directories() {
        throw new UnsupportedOperationException("not used by the extract engine");
    }

    @Override
    public List<String> keys(String directory) {
        throw new UnsupportedOperationException("not used by the extract engine");
    }

    @Override
    public Optional<StoredObject> stat(String sha256) {
        throw new UnsupportedOperationException("not used by the extract engine");
    }

    @Override
    public void close() {
    }

    /** Every key stored, in order, one entry per store call. */
    List<String> stored() {
        return List.copyOf(stored);
    }

    /** The bytes every store call received. */
    long bytesReceived() {
        return bytesReceived.get();
    }

    Path path(String sha256) {
        return directory.resolve(sha256);
    }
}
