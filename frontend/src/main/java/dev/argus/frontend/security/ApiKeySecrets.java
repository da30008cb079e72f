package dev.argus.frontend.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes API keys and their stored form. A key is {@code argus_} followed by 256 random bits (base64url); only
 * its SHA-256 is stored. A fast hash suffices: the secret has 256 bits of entropy, so unlike a password there is
 * no dictionary to try, and a database leak gives nothing usable.
 */
public final class ApiKeySecrets {

    /** The shortest key accepted from configuration (the bootstrap key). */
    public static final int MIN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "argus_";

    private ApiKeySecrets() {
    }

    /** A new random key. */
    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The hex SHA-256 of the key, the only form stored. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
