package dev.argus.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No clamd answers where the probe looks, so the standalone mode starts the installed clamd itself, on a free port,
 * with the bundled test signatures, and stops it again. The probe does not wait for it ({@code probe-wait=0s}), as
 * when clamd loads the official database: ClamAV comes online through the second, ClamAV-only probe instance.
 */
class StandaloneChildClamdIntegrationTests extends AbstractStandaloneIntegrationTests {

    @Test
    void startsClamdItselfWhenNoneAnswersAndDetectsEicarWithTheBundledSignatures() throws Exception {
        int nothingThere = new FreePorts().next();
        Standalone argus = start("--argus.probe.clamav.port=" + nothingThere,
                "--argus.standalone.clamd.socket=" + dataDir.resolve("no-such.sock"),
                "--argus.standalone.clamd.system-database=" + dataDir.resolve("no-official-signatures"),
                "--argus.standalone.clamd.probe-wait=0s");

        JsonNode scan = scanEicar(api(argus));
        assertThat(clamavResult(scan).path("category").asString()).isEqualTo("malicious");
        assertThat(clamavResult(scan).path("result").asString()).endsWith(".UNOFFICIAL");
        assertThat(dataDir.resolve("clamd/clamd.conf")).content().contains("TCPAddr 127.0.0.1");
        long pid = Long.parseLong(Files.readString(dataDir.resolve("clamd/clamd.pid")).strip());
        ProcessHandle clamd = ProcessHandle.of(pid).orElseThrow();

        stop(argus);
        assertThat(clamd.isAlive()).isFalse();
    }
}
