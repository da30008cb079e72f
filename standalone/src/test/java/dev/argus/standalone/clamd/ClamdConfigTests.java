package dev.argus.standalone.clamd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClamdConfigTests {

    private final ClamdConfig config = new ClamdConfig(Path.of("/data/clamd"), Path.of("/data/clamd/db"), 41234);

    @Test
    void listensOnLoopbackTcpOnlyOnTheGivenPort() {
        assertThat(config.render().lines())
                .contains("TCPAddr 127.0.0.1", "TCPSocket 41234")
                .noneMatch(line -> line.startsWith("LocalSocket"));
    }

    @Test
    void runsInTheForegroundWithEverythingUnderItsDirectory() {
        assertThat(config.render().lines()).contains("Foreground yes",
                "DatabaseDirectory /data/clamd/db",
                "PidFile /data/clamd/clamd.pid",
                "TemporaryDirectory /data/clamd/tmp");
    }

    @Test
    void acceptsStreamsLargerThanTheDefaultUploadLimit() {
        assertThat(config.render().lines()).contains("StreamMaxLength 300M");
    }

    @Test
    void reportsContentBeyondItsLimitsInsteadOfCallingItClean() {
        assertThat(config.render().lines()).contains("AlertExceedsMax yes", "MaxScanSize 400M", "MaxFileSize 300M",
                "MaxRecursion 17", "MaxFiles 10000");
    }
}
