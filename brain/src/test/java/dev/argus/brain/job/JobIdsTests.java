package dev.argus.brain.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobIdsTests {

    private static final UUID SCAN = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");
    private static final String SHA = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    @Test
    void sameScanFileAndProbeGiveTheSameJobId() {
        assertThat(JobIds.of(SCAN, SHA, "clamav")).isEqualTo(JobIds.of(SCAN, SHA, "clamav"));
    }

    @Test
    void anyDifferenceGivesAnotherJobId() {
        UUID id = JobIds.of(SCAN, SHA, "clamav");

        assertThat(JobIds.of(SCAN, SHA, "yara")).isNotEqualTo(id);
        assertThat(JobIds.of(UUID.randomUUID(), SHA, "clamav")).isNotEqualTo(id);
        assertThat(JobIds.of(SCAN, "0".repeat(64), "clamav")).isNotEqualTo(id);
    }

    @Test
    void shortShaIsTheFirstTwelveCharacters() {
        assertThat(JobIds.shortSha(SHA)).isEqualTo("275a021bbfb6");
        assertThat(JobIds.shortSha("abc")).isEqualTo("abc");
        assertThat(JobIds.shortSha(null)).isEqualTo("null");
    }
}
