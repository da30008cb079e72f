package dev.argus.probe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.probe.spi.EngineSource;
import dev.argus.probe.spi.ScanEngine;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The documented properties and environment variables reach the command-line engine source. */
class CliConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CliConfiguration.class, Properties.class);

    @Test
    void defaultsToEtcArgusCliD() {
        runner.run(context -> assertThat(context.getBean(CliProperties.class).configDir())
                .isEqualTo(Path.of("/etc/argus/cli.d")));
    }

    @Test
    void variablesFromTheEnvironmentReachTheShippedClamscanFile() {
        runner.withPropertyValues("argus.probe.cli.config-dir=" + ShippedCliConfigurationsTests.CLI)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("systemEnvironment",
                                Map.of("ARGUS_PROBE_CLI_VARIABLES_CLAMSCAN_DATABASE", "/srv/clamav-db"))))
                .run(context -> {
                    assertThat(context.getBean(CliProperties.class).variables())
                            .containsEntry("clamscan", Map.of("database", "/srv/clamav-db"));
                    ScanEngine clamscan = context.getBean(EngineSource.class).engines().getFirst();
                    assertThat(((CliEngine) clamscan).spec().command()).extracting(t -> t.expand(Map.of("file", "/f")))
                            .contains("--database=/srv/clamav-db");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CliProperties.class)
    static class Properties {
    }
}
