package dev.argus.probe.engine.remote;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the HTTP scanning services are described.
 *
 * @param configDir the directory of service files, one engine per {@code *.yaml}
 *                  ({@code ARGUS_PROBE_REMOTE_CONFIGDIR}), default {@code /etc/argus/remote.d}; a missing directory
 *                  means no HTTP engine
 * @param variables per engine name, values replacing the file's {@code variables}, e.g.
 *                  {@code argus.probe.remote.variables.sandbox.base-url=http://10.0.0.5:8000}; empty by default
 * @param statusOrigins origins ({@code scheme://host[:port]}) besides a service's own where the status URLs it gives
 *                      may point ({@code ARGUS_PROBE_REMOTE_STATUSORIGINS}, comma-separated); empty by default: a
 *                      status URL elsewhere fails the job and is not requested
 */
@Validated
@ConfigurationProperties("argus.probe.remote")
public record RemoteProperties(
        @DefaultValue("/etc/argus/remote.d") @NotNull Path configDir,
        Map<String, Map<String, String>> variables,
        List<String> statusOrigins) {

    public RemoteProperties {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        statusOrigins = statusOrigins == null ? List.of() : List.copyOf(statusOrigins);
    }
}
