package dev.argus.standalone.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextLauncherTests {

    @Test
    void standaloneDefaultsOverrideTheModulesOwnProperties() {
        Map<String, Object> properties = ContextLauncher.defaultProperties(ArgusApplication.PROBE,
                Map.of("argus.probe.work-dir", "/data/work/probe", "argus.probe.heartbeat-interval", "2s"));
        assertThat(properties)
                .containsEntry("spring.application.name", "argus-probe")
                .containsEntry("argus.probe.heartbeat-interval", "2s")
                .containsEntry("argus.probe.work-dir", "/data/work/probe");
    }

    @Test
    void looksForItsOwnConfigurationFileNotTheModulesApplicationProperties() {
        assertThat(ContextLauncher.defaultProperties(ArgusApplication.FRONTEND, Map.of()))
                .containsEntry("spring.config.name", "argus-standalone");
    }

    @Test
    void keepsDatabaseAutoConfigurationOutOfTheProbe() {
        assertThat(ContextLauncher.defaultProperties(ArgusApplication.PROBE, Map.of())
                .get("spring.autoconfigure.exclude")).asString()
                .contains("DataSourceAutoConfiguration", "FlywayAutoConfiguration", "HibernateJpaAutoConfiguration");
        assertThat(ContextLauncher.defaultProperties(ArgusApplication.BRAIN, Map.of())
                .get("spring.autoconfigure.exclude")).asString()
                .doesNotContain("DataSourceAutoConfiguration");
    }

    @Test
    void keepsTheFrontendsSecurityOutOfTheActuatorOnlyContexts() {
        for (ArgusApplication application : new ArgusApplication[] {ArgusApplication.BRAIN, ArgusApplication.PROBE}) {
            assertThat(ContextLauncher.defaultProperties(application, Map.of()).get("spring.autoconfigure.exclude"))
                    .asString().as(application.displayName())
                    .contains("SecurityAutoConfiguration", "ServletWebSecurityAutoConfiguration");
        }
        assertThat(ContextLauncher.defaultProperties(ArgusApplication.FRONTEND, Map.of()))
                .doesNotContainKey("spring.autoconfigure.exclude");
    }

    @Test
    void dropsCommandLineArgumentsForWiredPropertiesAndKeepsTheRest() {
        String[] args = {"--argus.probe.clamav.port=3310", "--argus.probe.clamav.host=127.0.0.1", "--server.port=9090",
                "--argus.probe.clamav.scan-timeout=2m"};
        assertThat(ContextLauncher.withoutWiredArguments(args, Set.of("argus.probe.clamav.port",
                "argus.probe.clamav.host")))
                .containsExactly("--server.port=9090", "--argus.probe.clamav.scan-timeout=2m");
    }
}
