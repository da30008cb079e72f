package dev.argus.standalone.clamd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.clamav.ClamavEngine;
import dev.argus.probe.engine.clamav.ClamavProperties;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.standalone.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The clamd the standalone mode starts itself, with small limits, against the real clamd binary: a file over a limit
 * is reported ({@code Heuristics.Limits.Exceeded}), not answered clean.
 */
class ClamdLimitsIntegrationTests {

    @TempDir
    Path temp;

    private ClamdProcess clamd;

    @AfterEach
    void stop() {
        if (clamd != null) {
            clamd.close();
        }
    }

    @Test
    void aFileOverTheLimitsIsReportedNotClean() throws Exception {
        Path directory = temp.resolve("clamd");
        Path database = directory.resolve("db");
        SignatureDirectory.prepare(database, null);
        int port = new FreePorts().next();
        ClamdConfig config = new ClamdConfig(directory, database, port,
                new ClamdConfig.Limits("10M", "64K", "64K", 17, 100));
        clamd = ClamdProcess.start(ClamdLauncher.findBinary(System.getenv("PATH")).orElseThrow(), config,
                Duration.ofSeconds(60));
        clamd.ready().get(90, TimeUnit.SECONDS);

        byte[] content = new byte[256 * 1024];
        new Random(18).nextBytes(content);
        Path large = Files.write(temp.resolve("large.bin"), content);
        Path small = Files.write(temp.resolve("small.bin"), new byte[] {1, 2, 3});
        try (ClamavEngine engine = new ClamavEngine(new ClamavProperties("127.0.0.1", port, Duration.ofSeconds(5),
                Duration.ofSeconds(30), DataSize.ofKilobytes(64), null))) {
            ScanOutcome overLimit = engine.scan(large);
            assertThat(overLimit.category()).isNotEqualTo(Category.UNDETECTED);
            assertThat(overLimit.threat()).contains("Heuristics.Limits.Exceeded");
            assertThat(engine.scan(small).category()).as("within the limits").isEqualTo(Category.UNDETECTED);
        }
    }
}
