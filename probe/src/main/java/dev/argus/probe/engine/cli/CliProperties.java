package dev.argus.probe.engine.cli;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the command-line engines are described.
 *
 * @param configDir the directory of engine files, one engine per {@code *.yaml} ({@code ARGUS_PROBE_CLI_CONFIGDIR}),
 *                  default {@code /etc/argus/cli.d}; a missing directory means no command-line engine
 * @param variables per engine name, values replacing the file's {@code variables}, e.g.
 *                  {@code argus.probe.cli.variables.clamscan.database=/var/lib/clamav}
 *                  ({@code ARGUS_PROBE_CLI_VARIABLES_CLAMSCAN_DATABASE}); empty by default
 */
@Validated
@ConfigurationProperties("argus.probe.cli")
public record CliProperties(
        @DefaultValue("/etc/argus/cli.d") @NotNull Path configDir,
        Map<String, Map<String, String>> variables) {

    public CliProperties {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
