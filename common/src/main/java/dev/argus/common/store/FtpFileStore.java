package dev.argus.common.store;

import dev.argus.common.timing.StageTimer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/**
 * The file store on an FTP server (Apache Commons Net), files under {@code ab/cd/<sha256>} below the login
 * directory. Uploads go to a temporary name and are renamed into place, so readers never see half a file.
 * Connections are pooled; an operation that fails on a stale connection is tried once more on a fresh one.
 * {@link #fetch} hashes the bytes as they arrive and refuses a file whose sha256 is not its key.
 */
public final class FtpFileStore implements FileStore {

    private static final int BUFFER = 256 * 1024;

    final FtpConnectionPool pool;
    private final Set<String> knownDirectories = ConcurrentHashMap.newKeySet();

    public FtpFileStore(FtpSettings settings) {
        this.pool = new FtpConnectionPool(settings);
    }

    @Override
    public void store(String sha256, InputStream content) {
        String directory = StoreKeys.directory(sha256);
        String target = StoreKeys.path(sha256);
        // A stream can be read only once, so no retry here: the caller still holds the data and may call again.
        long start = StageTimer.start();
        withConnection(false, client -> {
            ensureDirectory(client, directory);
            String partial = directory + "/." + sha256 + "." + UUID.randomUUID() + ".part";
            try (InputStream in = new BufferedInputStream(content, BUFFER)) {
                if (!client.storeFile(partial, in)) {
                    throw refused(client, "store " + target);
                }
            }
            if (!client.rename(partial, target)) {
                client.deleteFile(partial);
                throw refused(client, "rename into " + target);
            }
            return null;
        });
        StageTimer.stop("ftp.put", start);
    }

    @Override
    public Path fetch(String sha256, Path directory) {
        String source = StoreKeys.path(sha256);
        long start = StageTimer.start();
        Path fetched = withConnection(true, client -> {
            Path temp = Files.createTempFile(directory, "argus-", ".bin");
            boolean done = false;
            try {
                MessageDigest digest = sha256Digest();
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                    if (!client.retrieveFile(source, out)) {
                        if (client.getReplyCode() == FTPReply.FILE_UNAVAILABLE) {
                            throw new FileNotInStoreException(sha256);
                        }
                        throw refused(client, "fetch " + source);
                    }
                }
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(sha256)) {
                    throw new StoredContentMismatchException(sha256, actual);
                }
                done = true;
                return temp;
            } finally {
                if (!done) {
                    Files.deleteIfExists(temp);
                }
            }
        });
        StageTimer.stop("ftp.get", start);
        return fetched;
    }

    @Override
    public boolean exists(String sha256) {
        String path = StoreKeys.path(sha256);
        long start = StageTimer.start();
        boolean exists = withConnection(true, client -> client.getSize(path) != null);
        StageTimer.stop("ftp.exists", start);
        return exists;
    }

    @Override
    public boolean delete(String sha256) {
        String path = StoreKeys.path(sha256);
        return withConnection(true, client -> client.deleteFile(path));
    }

    @Override
    public List<String> directories() {
        return withConnection(true, client -> {
            List<String> directories = new ArrayList<>();
            for (String top : names(client, null)) {
                if (StoreKeys.isDirectoryLevel(top)) {
                    for (String second : names(client, top)) {
                        if (StoreKeys.isDirectoryLevel(second)) {
                            directories.add(top + "/" + second);
                        }
                    }
                }
            }
            return directories;
        });
    }

    @Override
    public List<String> keys(String directory) {
        String checked = StoreKeys.requireDirectory(directory);
        return withConnection(true, client -> names(client, checked).stream()
                .filter(name -> StoreKeys.isSha256(name) && StoreKeys.directory(name).equals(checked))
                .toList());
    }

    @Override
    public Optional<StoredObject> stat(String sha256) {
        String path = StoreKeys.path(sha256);
        return withConnection(true, client -> {
            String size = client.getSize(path);
            Instant modified = size == null ? null : client.mdtmInstant(path);
            return modified == null ? Optional.<StoredObject>empty()
                    : Optional.of(new StoredObject(sha256, Long.parseLong(size.trim()), modified));
        });
    }

    /** Logins made so far; with pooling this stays at most the pool size under steady use. */
    public long logins() {
        return pool.logins();
    }

    @Override
    public void close() {
        pool.close();
    }

    private void ensureDirectory(FTPClient client, String directory) throws IOException {
        if (knownDirectories.contains(directory)) {
            return;
        }
        String parent = directory.substring(0, directory.indexOf('/'));
        // MKD fails harmlessly when the directory exists already.
        client.makeDirectory(parent);
        client.makeDirectory(directory);
        knownDirectories.add(directory);
    }

    /** The last path element of each entry NLST gives for the directory (the login directory when null). */
    private static List<String> names(FTPClient client, String directory) throws IOException {
        String[] listed = directory == null ? client.listNames() : client.listNames(directory);
        if (listed == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(listed.length);
        for (String entry : listed) {
            names.add(entry.substring(entry.lastIndexOf('/') + 1));
        }
        return names;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static FileStoreException refused(FTPClient client, String what) {
        return new FileStoreException("FTP server refused to " + what + ": " + client.getReplyString().trim());
    }

    private interface FtpOperation<T> {
        T run(FTPClient client) throws IOException;
    }

    private <T> T withConnection(boolean retryOnBrokenConnection, FtpOperation<T> operation) {
        try {
            return attempt(operation);
        } catch (BrokenConnectionException e) {
            if (!retryOnBrokenConnection) {
                throw new FileStoreException("FTP connection failed: " + e.getCause().getMessage(), e.getCause());
            }
            try {
                return attempt(operation);
            } catch (BrokenConnectionException again) {
                throw new FileStoreException("FTP connection failed twice: " + again.getCause().getMessage(),
                        again.getCause());
            }
        }
    }

    private <T> T attempt(FtpOperation<T> operation) {
        FTPClient client = pool.borrow();
        try {
            T result = operation.run(client);
            pool.giveBack(client);
            return result;
        } catch (IOException | UncheckedIOException e) {
            pool.discard(client);
            throw new BrokenConnectionException(e);
        } catch (FileNotInStoreException | StoredContentMismatchException e) {
            pool.giveBack(client);
            throw e;
        } catch (RuntimeException e) {
            pool.discard(client);
            throw e;
        }
    }

    /** Internal marker: the connection broke, the operation may be tried again on a new one. */
    private static final class BrokenConnectionException extends RuntimeException {
        BrokenConnectionException(Exception cause) {
            super(cause);
        }
    }
}
