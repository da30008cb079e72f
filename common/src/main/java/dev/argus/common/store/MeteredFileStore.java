package dev.argus.common.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link FileStore} that counts the failed operations of the store it wraps in {@code argus.filestore.failures},
 * tagged by operation ({@code store}, {@code fetch}, {@code exists}, {@code delete}, {@code list}): a {@link FileStoreException}
 * or any other runtime failure. A file that is not in the store ({@link FileNotInStoreException}) is an answer,
 * not a failure, and is not counted. Behaves exactly as the wrapped store otherwise. Thread-safe.
 */
public final class MeteredFileStore implements FileStore {

    private final FileStore store;
    private final MeterRegistry registry;

    public MeteredFileStore(FileStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public void store(String sha256, InputStream content) {
        counted("store", () -> {
            store.store(sha256, content);
            return null;
        });
    }

    @Override
    public Path fetch(String sha256, Path directory) {
        return counted("fetch", () -> store.fetch(sha256, directory));
    }

    @Override
    public boolean exists(String sha256) {
        return counted("exists", () -> store.exists(sha256));
    }

    @Override
    public boolean delete(String sha256) {
        return counted("delete", () -> store.delete(sha256));
    }

    @Override
    public List<String> directories() {
        return counted("list", store::directories);
    }

    @Override
    public List<String> keys(String directory) {
        return counted("list", () -> store.keys(directory));
    }

    @Override
    public Optional<StoredObject> stat(String sha256) {
        return counted("exists", () -> store.stat(sha256));
    }

    @Override
    public void close() {
        store.close();
    }

    private <T> T counted(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (FileNotInStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            Counter.builder("argus.filestore.failures")
                    .description("File store operations that failed (FTP unreachable, refused, broken transfer)")
                    .tag("operation", operation)
                    .register(registry)
                    .increment();
            throw e;
        }
    }
}
