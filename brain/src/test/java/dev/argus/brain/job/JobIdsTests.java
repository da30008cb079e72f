package dev.argus.brain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobIdsTests {

    private static final UUID SCAN = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");
    private static final String SHA = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";
    private static final JobIds IDS = new JobIds(key("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));

    @Test
    void sameScanFileProbeAndKeyGiveTheSameJobId() {
        assertThat(IDS.of(SCAN, SHA, "clamav")).isEqualTo(new JobIds(key("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"))
                .of(SCAN, SHA, "clamav"));
    }

    @Test
    void anyDifferenceGivesAnotherJobId() {
        UUID id = IDS.of(SCAN, SHA, "clamav");

        assertThat(IDS.of(SCAN, SHA, "yara")).isNotEqualTo(id);
        assertThat(IDS.of(UUID.randomUUID(), SHA, "clamav")).isNotEqualTo(id);
        assertThat(IDS.of(SCAN, "0".repeat(64), "clamav")).isNotEqualTo(id);
    }

    @Test
    void anotherKeyGivesAnotherJobId() {
        assertThat(new JobIds(key("another key, as another database has")).of(SCAN, SHA, "clamav"))
                .isNotEqualTo(IDS.of(SCAN, SHA, "clamav"));
    }

    @Test
    void theIdIsNotTheNameBasedUuidAnyoneCanComputeFromTheTriple() {
        UUID guessable = UUID.nameUUIDFromBytes((SCAN + "/" + SHA + "/clamav").getBytes(StandardCharsets.UTF_8));

        assertThat(IDS.of(SCAN, SHA, "clamav")).isNotEqualTo(guessable);
    }

    @Test
    void theIdIsAVersion4IetfUuid() {
        UUID id = IDS.of(SCAN, SHA, "clamav");

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new JobIds(key("short"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortShaIsTheFirstTwelveCharacters() {
        assertThat(JobIds.shortSha(SHA)).isEqualTo("275a021bbfb6");
        assertThat(JobIds.shortSha("abc")).isEqualTo("abc");
        assertThat(JobIds.shortSha(null)).isEqualTo("null");
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
