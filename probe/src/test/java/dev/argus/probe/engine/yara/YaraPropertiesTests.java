package dev.argus.probe.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class YaraPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(YaraProperties.class)
    @Import(YaraConfiguration.class)
    static class Wiring {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @Test
    void defaultsToTheProductionRulesDirectoryAndDebiansPrograms() {
        context.run(started -> {
            YaraProperties properties = started.getBean(YaraProperties.class);
            assertThat(properties.rulesDir()).isEqualTo(Path.of("/etc/argus/yara"));
            assertThat(properties.yaraCommand()).isEqualTo("yara");
            assertThat(properties.yaracCommand()).isEqualTo("yarac");
            assertThat(properties.scanTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.reloadInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.workDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "argus-yara"));
            assertThat(started.getBean(YaraEngine.class).name()).isEqualTo("yara");
        });
    }

    @Test
    void takesTheRulesDirectoryFromConfiguration() {
        context.withPropertyValues("argus.probe.yara.rules-dir=/var/lib/argus-ci/yara",
                        "argus.probe.yara.reload-interval=500ms")
                .run(started -> {
                    YaraProperties properties = started.getBean(YaraProperties.class);
                    assertThat(properties.rulesDir()).isEqualTo(Path.of("/var/lib/argus-ci/yara"));
                    assertThat(properties.reloadInterval()).isEqualTo(Duration.ofMillis(500));
                });
    }

    @Test
    void refusesAZeroScanTimeout() {
        context.withPropertyValues("argus.probe.yara.scan-timeout=0s")
                .run(started -> assertThat(started).hasFailed());
    }
}
