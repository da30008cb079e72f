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

    private static final int MAX_JOBS = 4;
    private static final ScanFile FILE = new ScanFile("0123456789abcdef".repeat(4), 1, "text/plain");

    @Test
    void validRequestsAndCancelsAreHandled() {
        assertThat(ScanConsumer.problemWith(request(List.of(FILE), List.of("clamav", "yara_rules")), MAX_JOBS)).isNull();
        assertThat(ScanConsumer.problemWith(new CancelScan(UUID.randomUUID(), Instant.now()), MAX_JOBS)).isNull();
    }

    @Test
    void malformedRequestsAreProblems() {
        assertThat(ScanConsumer.problemWith(request(List.of(), List.of("clamav")), MAX_JOBS))
                .isEqualTo("scanId, files and probes are required");
        assertThat(ScanConsumer.problemWith(request(List.of(FILE), List.of()), MAX_JOBS))
                .isEqualTo("scanId, files and probes are required");
        assertThat(ScanConsumer.problemWith(new ScanRequested(null, List.of(FILE), List.of("clamav"), false,
                Instant.now()), MAX_JOBS)).isEqualTo("scanId, files and probes are required");
        assertThat(ScanConsumer.problemWith(request(List.of(new ScanFile("ABC", 1, null)), List.of("clamav")), MAX_JOBS))
                .startsWith("a file sha256 is not 64 lower-case hex digits");
        assertThat(ScanConsumer.problemWith(request(List.of(FILE), List.of("Clam.AV")), MAX_JOBS))
                .isEqualTo("invalid probe name 'Clam.AV'");
        assertThat(ScanConsumer.problemWith(new CancelScan(null, Instant.now()), MAX_JOBS))
                .isEqualTo("a CancelScan without scan id");
        assertThat(ScanConsumer.problemWith(new ScanFiles("clamav", List.of()), MAX_JOBS))
                .isEqualTo("a ScanFiles does not belong on argus.brain.scans");
    }

    @Test
    void aRequestOverTheJobsPerScanBoundIsAProblem() {
        ScanFile other = new ScanFile("fedcba9876543210".repeat(4), 1, "text/plain");
        ScanFile third = new ScanFile("00112233445566778899aabbccddeeff".repeat(2), 1, "text/plain");
        assertThat(ScanConsumer.problemWith(request(List.of(FILE, other), List.of("clamav", "yara")), MAX_JOBS))
                .as("2 × 2 = 4 jobs: at the bound").isNull();
        assertThat(ScanConsumer.problemWith(request(List.of(FILE, other, third), List.of("clamav", "yara")),
                MAX_JOBS)).isEqualTo("3 files × 2 probes = 6 jobs, over the bound of 4 per scan"
                + " (argus.brain.max-jobs-per-scan)");
    }

    private static ScanRequested request(List<ScanFile> files, List<String> probes) {
        return new ScanRequested(UUID.randomUUID(), files, probes, false, Instant.now());
    }
}
