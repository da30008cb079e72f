package dev.argus.frontend.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams one upload part to a temp file in a single pass, computing md5, sha1 and sha256 as the bytes go by,
 * and enforcing the size limit while reading: past the limit it stops reading, deletes the temp file and
 * throws {@link FileTooLargeException}. Never holds more than one buffer of the file in memory.
 */
final class HashingSpooler {

    static final String PREFIX = "argus-upload-";
    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final long maxBytes;

    HashingSpooler(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /** Copies the stream to a new temp file; the caller deletes the file. */
    SpooledFile spool(InputStream in) {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha1 = digest("SHA-1");
        MessageDigest sha256 = digest("SHA-256");
        Path temp = createTempFile();
        boolean complete = false;
        try (OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            int read;
            while ((read = read(in, buffer)) >= 0) {
                size += read;
                if (size > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                md5.update(buffer, 0, read);
                sha1.update(buffer, 0, read);
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            complete = true;
            return new SpooledFile(temp, size, hex(md5), hex(sha1), hex(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an upload to " + directory, e);
        } finally {
            if (!complete) {
                deleteQuietly(temp);
            }
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort; the start-up sweep removes leftovers
        }
    }

    private Path createTempFile() {
        try {
            return Files.createTempFile(directory, PREFIX, ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp file in " + directory, e);
        }
    }

    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new RequestReadException(e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
