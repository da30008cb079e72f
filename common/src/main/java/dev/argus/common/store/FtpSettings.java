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
 * @param explicitTls    FTPS with explicit TLS (AUTH TLS, then PBSZ 0 and PROT P): the login and every file are
 *                       encrypted; the server's certificate must be trusted by the JVM (its default trust store or
 *                       {@code javax.net.ssl.trustStore}) and match the host name
 */
public record FtpSettings(String host, int port, String username, String password, int maxConnections,
                          Duration timeout, boolean explicitTls) {

    /** Plain FTP. */
    public FtpSettings(String host, int port, String username, String password, int maxConnections,
                       Duration timeout) {
        this(host, port, username, password, maxConnections, timeout, false);
    }

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
        return "FtpSettings[" + username + "@" + host + ":" + port + ", maxConnections=" + maxConnections
                + (explicitTls ? ", explicit TLS" : "") + "]";
    }
}
