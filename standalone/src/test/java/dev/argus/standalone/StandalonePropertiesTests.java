package dev.argus.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StandalonePropertiesTests {

    @Test
    void defaultsToArgusDataInTheWorkingDirectory() {
        StandaloneProperties settings = StandaloneProperties.bind();
        assertThat(settings.dataDir()).isEqualTo(Path.of("argus-data"));
        assertThat(settings.clamd().systemDatabase()).isEqualTo(Path.of("/var/lib/clamav"));
        assertThat(settings.clamd().probeWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.exitWhenReady()).isFalse();
    }

    @Test
    void takesSettingsFromTheCommandLine() {
        StandaloneProperties settings = StandaloneProperties.bind("--argus.standalone.data-dir=/srv/argus",
                "--argus.standalone.clamd.binary=/opt/clamav/sbin/clamd", "--server.port=9090");
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/argus"));
        assertThat(settings.clamd().binary()).isEqualTo(Path.of("/opt/clamav/sbin/clamd"));
    }
}
