package dev.argus.probe.engine.hashlist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A file's md5, sha1 and sha256, computed in one pass over its bytes.
 *
 * @param digests each algorithm's digest
 */
record FileHashes(Map<HashAlgorithm, byte[]> digests) {

    private static final int BUFFER = 256 * 1024;

    FileHashes {
        digests = Map.copyOf(digests);
    }

    /**
     * Reads the file once and hashes it with every {@link HashAlgorithm}. Reading is interruptible.
     *
     * @throws IOException          when the file cannot be read
     * @throws InterruptedException when the thread was interrupted (the scan timed out)
     */
    static FileHashes of(Path file) throws IOException, InterruptedException {
        Map<HashAlgorithm, MessageDigest> running = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            running.put(algorithm, digest(algorithm));
        }
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buffer.clear()) >= 0) {
                for (MessageDigest digest : running.values()) {
                    digest.update(buffer.array(), 0, buffer.position());
                }
            }
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("hashing interrupted");
        }
        Map<HashAlgorithm, byte[]> digests = new EnumMap<>(HashAlgorithm.class);
        running.forEach((algorithm, digest) -> digests.put(algorithm, digest.digest()));
        return new FileHashes(digests);
    }

    byte[] get(HashAlgorithm algorithm) {
        return digests.get(algorithm).clone();
    }

    String hex(HashAlgorithm algorithm) {
        return HexFormat.of().formatHex(digests.get(algorithm));
    }

    private static MessageDigest digest(HashAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm.jcaName() + " is part of every JDK", e);
        }
    }
}
