package dev.argus.probe.engine.extract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The engine's signature version: a digest of the effective limits and default passwords, so that a change of
 * either shows in the heartbeat and in the brain's result cache key. The passwords are secrets, so the digest is
 * PBKDF2 (many iterations), not a plain hash anyone could test guesses against quickly, and only 64 bits of it are
 * shown.
 */
final class ConfigDigest {

    private static final byte[] SALT = "argus-extract-config".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 200_000;

    private ConfigDigest() {
    }

    static String of(ExtractProperties properties) {
        StringBuilder text = new StringBuilder()
                .append("maxDepth=").append(properties.maxDepth())
                .append(";maxMembersPerContainer=").append(properties.maxMembersPerContainer())
                .append(";maxFiles=").append(properties.maxFiles())
                .append(";maxTotalBytes=").append(properties.maxTotalBytes().toBytes())
                .append(";maxMemberBytes=").append(properties.maxMemberBytes().toBytes())
                .append(";maxRatio=").append(properties.maxRatio())
                .append(";ratioFloor=").append(properties.ratioFloor().toBytes())
                .append(";containerTimeout=").append(properties.containerTimeout().toMillis())
                .append(";scanTimeout=").append(properties.scanTimeout().toMillis())
                .append(";passwords=");
        properties.passwords().forEach(p -> text.append(p.length()).append(':').append(p));
        char[] secret = text.toString().toCharArray();
        PBEKeySpec spec = new PBEKeySpec(secret, SALT, ITERATIONS, 64);
        try {
            byte[] digest = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return "config " + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(secret, '\0');
        }
    }
}
