package dev.argus.brain.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanRequested;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which messages on argus.brain.scans are parked at once, unread by the dispatcher. */
class ScanConsumerTests {

    private static final ScanFile FILE = new ScanFile("0123456789abcdef".repeat(4), 1, "text/plain");

    @Test
    void validRequestsAndCancelsAreHandled() {
        assertThat(ScanConsumer.problemWith(request(List.of(FILE), List.of("clamav", "yara_rules")))).isNull();
        assertThat(ScanConsumer.problemWith(new CancelScan(UUID.randomUUID(), Instant.now()))).isNull();
    }

    @Test
    void malformedRequestsAreProblems() {
        assertThat(ScanConsumer.problemWith(request(List.of(), List.of("clamav"))))
                .isEqualTo("scanId, files and probes are required");
        assertThat(ScanConsumer.problemWith(request(List.of(FILE), List.of())))
                .isEqualTo("scanId, files and probes are required");
        assertThat(ScanConsumer.problemWith(new ScanRequested(null, List.of(FILE), List.of("clamav"), false,
                Instant.now()))).isEqualTo("scanId, files and probes are required");
        assertThat(ScanConsumer.problemWith(request(List.of(new ScanFile("ABC", 1, null)), List.of("clamav"))))
                .startsWith("a file sha256 is not 64 lower-case hex digits");
        assertThat(ScanConsumer.problemWith(request(List.of(FILE), List.of("Clam.AV"))))
                .isEqualTo("invalid probe name 'Clam.AV'");
        assertThat(ScanConsumer.problemWith(new CancelScan(null, Instant.now())))
                .isEqualTo("a CancelScan without scan id");
        assertThat(ScanConsumer.problemWith(new ScanFiles("clamav", List.of())))
                .isEqualTo("a ScanFiles does not belong on argus.brain.scans");
    }

    private static ScanRequested request(List<ScanFile> files, List<String> probes) {
        return new ScanRequested(UUID.randomUUID(), files, probes, false, Instant.now());
    }
}
