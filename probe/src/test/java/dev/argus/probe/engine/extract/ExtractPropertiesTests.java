package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The documented defaults and property names of {@code argus.probe.extract.*}. */
class ExtractPropertiesTests {

    @Test
    void bindsTheDocumentedDefaults() {
        ExtractProperties bound = bind(Map.of());

        assertThat(bound.maxDepth()).isEqualTo(8);
        assertThat(bound.maxMembersPerContainer()).isEqualTo(1000);
        assertThat(bound.maxFiles()).isEqualTo(10_000);
        assertThat(bound.maxTotalBytes()).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(bound.maxMemberBytes()).isEqualTo(DataSize.ofMegabytes(256));
        assertThat(bound.maxRatio()).isEqualTo(200);
        assertThat(bound.ratioFloor()).isEqualTo(DataSize.ofMegabytes(16));
        assertThat(bound.containerTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(bound.scanTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bound.passwords()).containsExactly("infected", "malware", "virus", "password", "123456");
        assertThat(bound.bsdtarCommand()).isEqualTo("bsdtar");
        // the name only: AssertJ's Path endsWith resolves the real path, which needs the directory to exist
        assertThat(bound.workDir().getFileName()).hasToString("argus-extract");
        assertThat(bound.toString()).isEqualTo(ExtractProperties.defaults().toString());
    }

    @Test
    void bindsTheDocumentedNames() {
        ExtractProperties bound = bind(Map.of("argus.probe.extract.max-depth", "3",
                "argus.probe.extract.max-total-bytes", "10MB", "argus.probe.extract.ratio-floor", "1MB",
                "argus.probe.extract.container-timeout", "5s", "argus.probe.extract.passwords", "a,b,,a",
                "argus.probe.extract.work-dir", "/var/tmp/x"));

        assertThat(bound.maxDepth()).isEqualTo(3);
        assertThat(bound.maxTotalBytes()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(bound.ratioFloor()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(bound.containerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bound.passwords()).isEqualTo(List.of("a", "b"));
        assertThat(bound.workDir()).isEqualTo(java.nio.file.Path.of("/var/tmp/x"));
    }

    @Test
    void refusesDurationsThatAreNotPositive() {
        assertThatThrownBy(() -> bind(Map.of("argus.probe.extract.container-timeout", "0s")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static ExtractProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("argus.probe.extract", Bindable.of(ExtractProperties.class));
    }
}
