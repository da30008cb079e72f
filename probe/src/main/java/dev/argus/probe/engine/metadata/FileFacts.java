package dev.argus.probe.engine.metadata;

import dev.argus.probe.engine.binary.ByteHistogram;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one pass over a file's bytes gives: size, MD5, SHA-1, SHA-256, SHA-512 and the Shannon entropy of the whole
 * file. Memory stays constant whatever the size; interruption is checked between chunks.
 *
 * @param entropy bits per byte, 0 to 8
 */
record FileFacts(long size, String md5, String sha1, String sha256, String sha512, double entropy) {

    private static final int CHUNK = 1 << 20;

    static FileFacts of(FileChannel channel) throws IOException, InterruptedException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha1 = digest("SHA-1");
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest sha512 = digest("SHA-512");
        ByteHistogram histogram = new ByteHistogram();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long position = 0;
        int read;
        while ((read = channel.read(buffer, position)) >= 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("hashing interrupted");
            }
            byte[] bytes = buffer.array();
            md5.update(bytes, 0, read);
            sha1.update(bytes, 0, read);
            sha256.update(bytes, 0, read);
            sha512.update(bytes, 0, read);
            histogram.add(bytes, 0, read);
            position += read;
            buffer.clear();
        }
        HexFormat hex = HexFormat.of();
        return new FileFacts(position, hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()),
                hex.formatHex(sha256.digest()), hex.formatHex(sha512.digest()), histogram.entropy());
    }

    /** The facts as result details, in a stable order. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("size", size);
        details.put("md5", md5);
        details.put("sha1", sha1);
        details.put("sha256", sha256);
        details.put("sha512", sha512);
        details.put("entropy", entropy);
        return details;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
