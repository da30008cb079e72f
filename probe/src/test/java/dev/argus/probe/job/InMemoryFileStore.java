package dev.argus.probe.job;

import dev.argus.common.store.FileNotInStoreException;
import dev.argus.common.store.FileStore;
import dev.argus.common.store.StoreKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A file store in memory, fetching into temp files the way FtpFileStore does. For unit tests only. */
public final class InMemoryFileStore implements FileStore {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public void put(String sha256, byte[] content) {
        files.put(StoreKeys.requireSha256(sha256), content);
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
        return files.remove(sha256) != null;
    }

    @Override
    public void close() {
    }
}
