package dev.argus.probe.engine.hashlist;

import java.util.Optional;

/** The hashes a list may hold, told apart by their length in hex digits. */
enum HashAlgorithm {
    MD5("md5", "MD5", 16),
    SHA1("sha1", "SHA-1", 20),
    SHA256("sha256", "SHA-256", 32);

    private final String id;
    private final String jcaName;
    private final int bytes;

    HashAlgorithm(String id, String jcaName, int bytes) {
        this.id = id;
        this.jcaName = jcaName;
        this.bytes = bytes;
    }

    /** The lower-case name used in results, e.g. {@code sha256}. */
    String id() {
        return id;
    }

    /** The name for {@link java.security.MessageDigest#getInstance(String)}. */
    String jcaName() {
        return jcaName;
    }

    int bytes() {
        return bytes;
    }

    int hexLength() {
        return bytes * 2;
    }

    /** How many {@code long}s hold one hash: 2 for md5, 3 for sha1 (the last half empty), 4 for sha256. */
    int longs() {
        return (bytes + 7) / 8;
    }

    /** The algorithm whose hex form has {@code length} digits. */
    static Optional<HashAlgorithm> ofHexLength(int length) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.hexLength() == length) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
