package dev.argus.frontend.store;

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
 * How to reach the FTP file store ({@code argus.ftp.*}).
 *
 * @param host           server host
 * @param port           control port
 * @param username       login
 * @param password       password; never logged
 * @param maxConnections pooled connections at most
 * @param timeout        connect, control-reply and data timeout
 * @param explicitTls    FTPS with explicit TLS (AUTH TLS; login and files encrypted); the server's certificate must
 *                       be trusted by the JVM and match {@code host}
 */
@Validated
@ConfigurationProperties("argus.ftp")
public record FtpProperties(
        @NotBlank @DefaultValue("127.0.0.1") String host,
        @Min(1) @Max(65535) @DefaultValue("2121") int port,
        @NotBlank @DefaultValue("argus") String username,
        @NotNull @DefaultValue("argus") String password,
        @Min(1) @DefaultValue("8") int maxConnections,
        @NotNull @DefaultValue("30s") Duration timeout,
        @DefaultValue("false") boolean explicitTls) {

    /** The settings the common file store takes. */
    public FtpSettings toSettings() {
        return new FtpSettings(host, port, username, password, maxConnections, timeout, explicitTls);
    }

    @Override
    public String toString() {
        return "FtpProperties[" + username + "@" + host + ":" + port + ", maxConnections=" + maxConnections + "]";
    }
}
