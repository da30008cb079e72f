package dev.argus.probe.engine.icap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.probe.spi.EngineDependency;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/** The engine bean and its {@code argus.probe.icap.*} settings as Spring binds them. */
class IcapConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void defaultsReachTheLocalCicapAvscanService() {
        context.run(app -> {
            IcapProperties properties = app.getBean(IcapProperties.class);
            IcapEngine engine = app.getBean(IcapEngine.class);

            assertThat(properties.serviceUri()).isEqualTo("icap://127.0.0.1:1344/avscan");
            assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.scanTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.preview()).isTrue();
            assertThat(properties.previewSize()).isNull();
            assertThat(properties.allow204()).isTrue();
            assertThat(properties.chunkSize()).isEqualTo(DataSize.ofKilobytes(64));
            assertThat(properties.selfTest()).isTrue();
            assertThat(properties.threatHeaders()).containsExactly("X-Virus-ID", "X-Virus-Name");
            assertThat(engine.name()).isEqualTo("icap");
            assertThat(engine.displayName()).isEqualTo("c-icap (ClamAV)");
            assertThat(engine.timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(engine.dependencies()).containsExactly(
                    new EngineDependency.SocketReachable("127.0.0.1", 1344, Duration.ofSeconds(5)));
        });
    }

    @Test
    void settingsOverrideTheDefaults() {
        context.withPropertyValues("argus.probe.icap.host=icap.example", "argus.probe.icap.port=11344",
                        "argus.probe.icap.service=/srv_clamav", "argus.probe.icap.display-name=Gateway AV",
                        "argus.probe.icap.preview-size=512B", "argus.probe.icap.threat-headers=X-Virus-ID, X-Acme-Threat",
                        "argus.probe.icap.self-test=false")
                .run(app -> {
                    IcapProperties properties = app.getBean(IcapProperties.class);

                    assertThat(properties.serviceUri()).isEqualTo("icap://icap.example:11344/srv_clamav");
                    assertThat(properties.previewSize()).isEqualTo(DataSize.ofBytes(512));
                    assertThat(properties.threatHeaders()).isEqualTo(List.of("X-Virus-ID", "X-Acme-Threat"));
                    assertThat(properties.selfTest()).isFalse();
                    assertThat(app.getBean(IcapEngine.class).displayName()).isEqualTo("Gateway AV");
                });
    }

    @Test
    void anInvalidPortStopsStartUp() {
        context.withPropertyValues("argus.probe.icap.port=0").run(app -> assertThat(app).hasFailed()
                .getFailure().hasStackTraceContaining("argus.probe.icap.port"));
    }

    @Test
    void aChunkSizeOfNothingStopsStartUpNamingTheSetting() {
        context.withPropertyValues("argus.probe.icap.chunk-size=0B").run(app -> assertThat(app).hasFailed()
                .getFailure().rootCause().hasMessageContaining("argus.probe.icap.chunk-size"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IcapProperties.class)
    @Import(IcapConfiguration.class)
    static class Settings {
    }
}
