package dev.argus.probe.job;

import dev.argus.common.store.FileNotInStoreException;
import dev.argus.common.store.FileStore;
import dev.argus.common.store.StoredObject;
import dev.argus.common.store.StoreKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A file store in memory, fetching into temp files the way FtpFileStore does. For unit tests only. */
public final class InMemoryFileStore implements FileStore {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    public void put(String sha256, byte[] content) {
        files.put(StoreKeys.requireSha256(sha256), content);
        written.put(sha256, Instant.now());
    }

    @Override
    public void store(String sha256, InputStream content) {
        try {
            put(sha256, content.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path fetch(String sha256, Path directory) {
        byte[] content = files.get(StoreKeys.requireSha256(sha256));
        if (content == null) {
            throw new FileNotInStoreException(sha256);
        }
        try {
            Path temp = Files.createTempFile(directory, "argus-", ".bin");
            return Files.write(temp, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return files.containsKey(sha256);
    }

    @Override
    public boolean delete(String sha256) {
        written.remove(sha256);
        return files.remove(sha256) != null;
    }

    @Override
    public List<String> directories() {
        return files.keySet().stream().map(StoreKeys::directory).distinct().sorted().toList();
    }

    @Override
    public List<String> keys(String directory) {
        return files.keySet().stream().filter(key -> StoreKeys.directory(key).equals(directory)).sorted().toList();
    }

    @Override
    public Optional<StoredObject> stat(String sha256) {
        byte[] content = files.get(sha256);
        Instant at = written.get(sha256);
        return content == null || at == null ? Optional.empty()
                : Optional.of(new StoredObject(sha256, content.length, at));
    }

    @Override
    public void close() {
    }
}
