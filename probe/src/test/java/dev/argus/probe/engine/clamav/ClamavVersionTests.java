package dev.argus.probe.engine.clamav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClamavVersionTests {

    @Test
    void readsEngineAndSignatureVersionFromOfficialDatabaseAnswer() {
        ClamavVersion version = ClamavVersion.parse("ClamAV 1.4.6/27800/Sat Nov 21 09:20:27 2026");

        assertThat(version.engineVersion()).isEqualTo("1.4.6");
        assertThat(version.signatureVersion()).isEqualTo("27800");
    }

    @Test
    void hasNoSignatureVersionWhenOnlyCustomSignaturesAreLoaded() {
        ClamavVersion version = ClamavVersion.parse("ClamAV 1.4.6");

        assertThat(version.engineVersion()).isEqualTo("1.4.6");
        assertThat(version.signatureVersion()).isNull();
    }

    @Test
    void toleratesTrailingTerminatorAndWhitespace() {
        ClamavVersion version = ClamavVersion.parse("ClamAV 0.103.12/27455/Mon Oct 21 08:35:43 2024\0\n");

        assertThat(version.engineVersion()).isEqualTo("0.103.12");
        assertThat(version.signatureVersion()).isEqualTo("27455");
    }

    @Test
    void keepsAnUnexpectedAnswerAsEngineVersion() {
        assertThat(ClamavVersion.parse("clamd-ng 2")).isEqualTo(new ClamavVersion("clamd-ng 2", null));
        assertThat(ClamavVersion.parse("")).isEqualTo(new ClamavVersion(null, null));
        assertThat(ClamavVersion.parse(null)).isEqualTo(new ClamavVersion(null, null));
    }
}
