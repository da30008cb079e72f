package dev.argus.probe.engine.icap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the ICAP engine reaches its antivirus gateway.
 *
 * @param host          the ICAP server's host ({@code ARGUS_PROBE_ICAP_HOST}), default {@code 127.0.0.1}
 * @param port          the ICAP server's port ({@code ARGUS_PROBE_ICAP_PORT}), default 1344
 * @param service       the service path on that server ({@code ARGUS_PROBE_ICAP_SERVICE}), default {@code avscan}:
 *                      c-icap's antivirus service {@code virus_scan} in its "simple" mode, which answers only once
 *                      the whole file is scanned (the plain {@code virus_scan}/{@code srv_clamav} may start its
 *                      answer early and then can only cut an infected file short, without naming the threat); a
 *                      leading {@code /} is optional, a query string is kept
 * @param displayName   the human name shown to users ({@code ARGUS_PROBE_ICAP_DISPLAYNAME}), default
 *                      {@code c-icap (ClamAV)}
 * @param timeout       connect timeout, and the limit for OPTIONS and the start-up self-test
 *                      ({@code ARGUS_PROBE_ICAP_TIMEOUT}), default 5s
 * @param scanTimeout   how long one file may take, the engine's per-file timeout; also the socket read timeout of a
 *                      RESPMOD exchange ({@code ARGUS_PROBE_ICAP_SCANTIMEOUT}), default 60s
 * @param preview       send a preview when the server offers one in its OPTIONS answer
 *                      ({@code ARGUS_PROBE_ICAP_PREVIEW}), default true
 * @param previewSize   upper bound of the preview ({@code ARGUS_PROBE_ICAP_PREVIEWSIZE}); unset (the default) uses the
 *                      server's {@code Preview} value as is
 * @param allow204      send {@code Allow: 204} so a clean file is answered with 204 instead of an echo of the file
 *                      ({@code ARGUS_PROBE_ICAP_ALLOW204}), default true
 * @param chunkSize     size of the chunks the file is sent in ({@code ARGUS_PROBE_ICAP_CHUNKSIZE}), default 64KB
 * @param selfTest      at start-up, scan the EICAR test string and refuse to run when the server does not call it
 *                      a threat (c-icap passes every file when its antivirus engine failed to load)
 *                      ({@code ARGUS_PROBE_ICAP_SELFTEST}), default true
 * @param threatHeaders ICAP response headers whose whole value is a threat name, besides the structured
 *                      {@code X-Infection-Found} and {@code X-Violations-Found} that are always read
 *                      ({@code ARGUS_PROBE_ICAP_THREATHEADERS}), default {@code X-Virus-ID,X-Virus-Name}
 */
@Validated
@ConfigurationProperties("argus.probe.icap")
public record IcapProperties(
        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("1344") @Min(1) @Max(65535) int port,
        @DefaultValue("avscan") @NotBlank String service,
        @DefaultValue("c-icap (ClamAV)") @NotBlank String displayName,
        @DefaultValue("5s") @NotNull Duration timeout,
        @DefaultValue("60s") @NotNull Duration scanTimeout,
        @DefaultValue("true") boolean preview,
        DataSize previewSize,
        @DefaultValue("true") boolean allow204,
        @DefaultValue("64KB") @NotNull DataSize chunkSize,
        @DefaultValue("true") boolean selfTest,
        @DefaultValue({"X-Virus-ID", "X-Virus-Name"}) List<String> threatHeaders) {

    public IcapProperties {
        service = service == null ? null : service.startsWith("/") ? service : "/" + service;
        if (chunkSize != null && (chunkSize.toBytes() < 1 || chunkSize.toMegabytes() > 16)) {
            throw new IllegalArgumentException("argus.probe.icap.chunk-size must be between 1B and 16MB");
        }
        if (previewSize != null && (previewSize.toBytes() < 0 || previewSize.toMegabytes() > 16)) {
            throw new IllegalArgumentException("argus.probe.icap.preview-size must be between 0B and 16MB");
        }
        threatHeaders = threatHeaders == null ? List.of()
                : threatHeaders.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** The service's URI, e.g. {@code icap://127.0.0.1:1344/virus_scan}, for requests and messages. */
    String serviceUri() {
        return "icap://" + hostAndPort() + service;
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
