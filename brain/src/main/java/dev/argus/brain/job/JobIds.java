package dev.argus.brain.job;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Job identity and the short forms used in log lines.
 * <p>
 * A job id is the HMAC-SHA256, under the brain's secret key (table {@code brain.job_id_key}, shared by every brain
 * on the database), of the (scan, file, probe) triple, cut to a version-4-shaped UUID. It is deterministic, so a
 * scan request handled twice (after a crash between the confirmed publishes and the commit) yields the same job ids
 * and a probe's result for the first handling matches the job rows of the second; and it is unguessable without the
 * key, so a probe that sees its own jobs cannot compute the ids of another engine's jobs to forge their results.
 * Thread-safe.
 */
public final class JobIds {

    private static final int SHA_PREFIX = 12;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key the secret key; at least 16 bytes */
    public JobIds(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the job id key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
    }

    /** The job id of one (scan, file, probe) triple under this key. */
    public UUID of(UUID scanId, String sha256, String probe) {
        byte[] mac = mac().doFinal((scanId + "/" + sha256 + "/" + probe).getBytes(StandardCharsets.UTF_8));
        mac[6] = (byte) ((mac[6] & 0x0f) | 0x40); // version 4: random-looking
        mac[8] = (byte) ((mac[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(mac, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The first 12 characters of a sha256, as every log line about a job shows it. */
    public static String shortSha(String sha256) {
        return sha256 == null || sha256.length() <= SHA_PREFIX ? String.valueOf(sha256) : sha256.substring(0, SHA_PREFIX);
    }
}
