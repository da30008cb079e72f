package dev.argus.probe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped engines/cli/clamscan.yaml against the real clamscan of this machine (Debian package clamav) with the
 * project's test signatures (/var/lib/argus-ci/clamav/db, installed by .ci/services.sh).
 */
class CliEngineIntegrationTests {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final String TEST_SIGNATURES = "/var/lib/argus-ci/clamav/db";

    @TempDir
    Path work;

    private ScanEngine clamscan;

    @BeforeEach
    void loadTheShippedConfiguration() throws Exception {
        CliEngineSource source = new CliEngineSource(ShippedCliConfigurationsTests.CLI,
                Map.of("clamscan", Map.of("database", TEST_SIGNATURES)), System::getenv);
        clamscan = source.engines().stream().filter(engine -> engine.name().equals("clamscan")).findFirst()
                .orElseThrow();
        clamscan.verify();
    }

    @Test
    void dependsOnTheClamscanBinaryAndTheSignatureDirectory() {
        assertThat(clamscan.dependencies()).containsExactly(new EngineDependency.BinaryOnPath("clamscan"),
                new EngineDependency.FilePresent(Path.of(TEST_SIGNATURES)));
        assertThat(clamscan.displayName()).isEqualTo("ClamAV (clamscan)");
    }

    @Test
    void eicarIsMaliciousWithTheSignatureName() throws Exception {
        ScanOutcome outcome = clamscan.scan(file(EICAR));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).startsWith("Eicar-Test-Signature").endsWith(".UNOFFICIAL");
        assertThat(outcome.details()).containsEntry("exitCode", 1);
    }

    @Test
    void aCleanFileIsUndetected() throws Exception {
        ScanOutcome outcome = clamscan.scan(file("a clean file " + UUID.randomUUID()));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
    }

    @Test
    void fillsTheEngineVersionAndASignatureDigestOfTheCustomDatabase() throws Exception {
        ScanOutcome outcome = clamscan.scan(file(EICAR));

        // only custom signatures are loaded, so clamscan prints no database version: the digest stands in
        assertThat(outcome.versions().engineVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(outcome.versions().signatureVersion()).matches("local:[0-9a-f]{12}");
        assertThat(clamscan.refreshVersions()).isEqualTo(outcome.versions());
    }

    private Path file(String content) throws IOException {
        return Files.write(Files.createTempFile(work, "argus-", ".bin"), content.getBytes(StandardCharsets.US_ASCII));
    }
}
