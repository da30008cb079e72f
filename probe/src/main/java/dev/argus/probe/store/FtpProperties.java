package dev.argus.probe.store;

import dev.argus.common.store.FtpSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The FTP file store the frontend puts files on ({@code ARGUS_FTP_HOST}, {@code ARGUS_FTP_PORT}, ...).
 *
 * @param host           server host, default {@code 127.0.0.1}
 * @param port           control port, default 2121
 * @param username       login, default {@code argus}
 * @param password       password, default {@code argus}; never logged
 * @param maxConnections pooled connections at most, default 8
 * @param timeout        connect, reply and data timeout, default 30s
 * @param explicitTls    FTPS with explicit TLS (AUTH TLS; login and files encrypted), default false; the server's
 *                       certificate must be trusted by the JVM and match {@code host}
 */
@Validated
@ConfigurationProperties("argus.ftp")
public record FtpProperties(
        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("2121") @Min(1) @Max(65535) int port,
        @DefaultValue("argus") @NotBlank String username,
        @DefaultValue("argus") String password,
        @DefaultValue("8") @Min(1) int maxConnections,
        @DefaultValue("30s") @NotNull Duration timeout,
        @DefaultValue("false") boolean explicitTls) {

    /** The store's settings. */
    public FtpSettings toSettings() {
        return toSettings(username, password);
    }

    /** The store's settings with another account, e.g. the extraction engine's, which may write. */
    public FtpSettings toSettings(String otherUsername, String otherPassword) {
        return new FtpSettings(host, port, otherUsername, otherPassword, maxConnections, timeout, explicitTls);
    }

    @Override
    public String toString() {
        return "FtpProperties[" + username + "@" + host + ":" + port + ", maxConnections=" + maxConnections
                + ", timeout=" + timeout + (explicitTls ? ", explicit TLS" : "") + "]";
    }
}
