package dev.argus.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultReuseTests {

    private static ProbeDescriptor probe(String engineVersion, String signatureVersion) {
        return new ProbeDescriptor("clamav", "ClamAV", ProbeCategory.ANTIVIRUS, "1", engineVersion, signatureVersion,
                null, 1000);
    }

    @Test
    void reusesAConclusiveResultOfTheCurrentEngineAndSignatures() {
        assertThat(ResultReuse.reusable(false, probe("1.4", "27800"), Category.MALICIOUS, "1.4", "27800")).isTrue();
        assertThat(ResultReuse.reusable(false, probe("1.4", null), Category.UNDETECTED, "1.4", null)).isTrue();
    }

    @Test
    void neverReusesWhenForcedOrTheEngineVersionIsUnknown() {
        assertThat(ResultReuse.reusable(true, probe("1.4", "1"), Category.MALICIOUS, "1.4", "1")).isFalse();
        assertThat(ResultReuse.reusable(false, probe(null, "1"), Category.MALICIOUS, null, "1")).isFalse();
        assertThat(ResultReuse.reusable(false, probe(" ", "1"), Category.MALICIOUS, " ", "1")).isFalse();
    }

    @Test
    void neverReusesAnInconclusiveOrOutdatedResult() {
        assertThat(ResultReuse.reusable(false, probe("1.4", "2"), Category.TIMEOUT, "1.4", "2")).isFalse();
        assertThat(ResultReuse.reusable(false, probe("1.4", "2"), Category.FAILURE, "1.4", "2")).isFalse();
        assertThat(ResultReuse.reusable(false, probe("1.4", "2"), Category.MALICIOUS, "1.4", "1")).isFalse();
        assertThat(ResultReuse.reusable(false, probe("1.5", "2"), Category.MALICIOUS, "1.4", "2")).isFalse();
        assertThat(ResultReuse.reusable(false, probe("1.4", "2"), Category.MALICIOUS, "1.4", null)).isFalse();
        assertThat(ResultReuse.reusable(false, probe("1.4", null), Category.MALICIOUS, "1.4", "2")).isFalse();
    }
}
