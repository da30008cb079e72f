package dev.argus.probe.registration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Identifies one probe process: host name plus a random suffix, e.g. {@code scanner-3-9f2c41ab}, so two
 * processes on one host (or a restarted container keeping its host name) never share an id.
 *
 * @param value the id; only letters, digits, '.', '_' and '-' (it also names the process's work directory)
 */
public record InstanceId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public InstanceId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("invalid instance id '" + value + "'");
        }
    }

    /** A new id for this process. */
    public static InstanceId generate() {
        return forHost(hostName());
    }

    static InstanceId forHost(String host) {
        String safe = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "-");
        if (safe.isBlank()) {
            safe = "probe";
        }
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return new InstanceId(safe + "-" + HexFormat.of().formatHex(suffix));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv("HOSTNAME");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
