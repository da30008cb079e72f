package dev.argus.frontend.frontdoor.clamd;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The clamd front door ({@code argus.frontdoor.clamd.*}); off while {@code port} is unset.
 *
 * @param port            the TCP port to listen on (0 picks a free one); unset: no listener
 * @param address         the address to bind; loopback unless told otherwise
 * @param username        the existing Argus user the scans are recorded under; required when {@code port} is set
 * @param probes          the probes every scan runs; empty for every online probe
 * @param tags            the tags every scan carries, so the API shows where it came from
 * @param foundOn         the verdict from which a stream is answered {@code FOUND}: {@code malicious}, or
 *                        {@code suspicious} to report suspicious files too
 * @param timeout         how long an {@code INSTREAM} waits for Argus's verdict before answering {@code ERROR}
 * @param streamMaxLength the largest stream accepted (clamd's StreamMaxLength); unset: the upload limit
 * @param allowedClients  client addresses or CIDR ranges that may connect; the protocol has no authentication
 * @param maxConnections  connections served at once; more are closed at once
 * @param readTimeout     how long a client may stay silent (between commands, inside a command or a chunk)
 */
@Validated
@ConfigurationProperties("argus.frontdoor.clamd")
public record ClamdProperties(
        @Min(0) @Max(65535) Integer port,
        @NotNull @DefaultValue("127.0.0.1") String address,
        String username,
        @DefaultValue List<String> probes,
        @DefaultValue("clamd") List<String> tags,
        @NotNull @DefaultValue("malicious") FoundOn foundOn,
        @NotNull @DefaultValue("60s") Duration timeout,
        DataSize streamMaxLength,
        @DefaultValue({"127.0.0.0/8", "::1"}) List<String> allowedClients,
        @Min(1) @DefaultValue("32") int maxConnections,
        @NotNull @DefaultValue("30s") Duration readTimeout) {

    /** True when a port is configured. */
    public boolean enabled() {
        return port != null;
    }

    /** The verdicts answered {@code FOUND}. */
    public enum FoundOn {
        /** Only a malicious verdict; a suspicious file is answered {@code OK}. */
        MALICIOUS,
        /** Malicious and suspicious verdicts. */
        SUSPICIOUS
    }
}
