package dev.argus.probe.engine.hashlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class HashListPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HashListProperties.class)
    @Import(HashListConfiguration.class)
    static class Wiring {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @Test
    void defaultsToTheProductionListDirectory() {
        context.run(started -> {
            HashListProperties properties = started.getBean(HashListProperties.class);
            assertThat(properties.dir()).isEqualTo(Path.of("/var/lib/argus/hashlists"));
            assertThat(properties.scanTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.reloadInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(started.getBean(HashListEngine.class).name()).isEqualTo("hashlist");
        });
    }

    @Test
    void takesTheDirectoryFromConfiguration() {
        context.withPropertyValues("argus.probe.hashlist.dir=/var/lib/argus-ci/hashlists")
                .run(started -> assertThat(started.getBean(HashListProperties.class).dir())
                        .isEqualTo(Path.of("/var/lib/argus-ci/hashlists")));
    }
}
