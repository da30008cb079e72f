package dev.argus.common.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the FTP server.
 *
 * @param host           server host
 * @param port           control port
 * @param username       login
 * @param password       password; never logged
 * @param maxConnections pooled connections at most; callers beyond that wait
 * @param timeout        connect, control-reply and data timeout
 */
public record FtpSettings(String host, int port, String username, String password, int maxConnections,
                          Duration timeout) {

    public FtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    @Override
    public String toString() {
        return "FtpSettings[" + username + "@" + host + ":" + port + ", maxConnections=" + maxConnections + "]";
    }
}
