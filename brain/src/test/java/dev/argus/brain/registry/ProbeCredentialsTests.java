package dev.argus.brain.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeCredentialsTests {

    @Test
    void theFirstCredentialOfAnEngineMaySpeakForIt() {
        assertThat(ProbeCredentials.problem("clamav", "argus-probe-clamav", null)).isNull();
        assertThat(ProbeCredentials.problem("clamav", "guest", null)).isNull();
    }

    @Test
    void onlyTheCredentialThatRegisteredAnEngineMaySpeakForItLater() {
        assertThat(ProbeCredentials.problem("clamav", "argus-probe-clamav", "argus-probe-clamav")).isNull();
        assertThat(ProbeCredentials.problem("clamav", "guest", "guest")).isNull();
        assertThat(ProbeCredentials.problem("clamav", "guest", "argus-probe-clamav"))
                .isEqualTo("probe clamav was registered by RabbitMQ user argus-probe-clamav, not guest");
    }

    @Test
    void aPerEngineUserMaySpeakOnlyForItsOwnEngineEvenFirst() {
        assertThat(ProbeCredentials.problem("clamav", "argus-probe-metadata", null))
                .isEqualTo("RabbitMQ user argus-probe-metadata may only speak for probe metadata");
    }

    @Test
    void aMessageWithoutUserIdMaySpeakForNoEngine() {
        assertThat(ProbeCredentials.problem("clamav", null, null)).isEqualTo("the message carries no user_id");
        assertThat(ProbeCredentials.problem("clamav", " ", null)).isEqualTo("the message carries no user_id");
    }
}
