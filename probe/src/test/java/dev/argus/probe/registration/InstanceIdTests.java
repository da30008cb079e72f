package dev.argus.probe.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceIdTests {

    @Test
    void isHostNamePlusRandomSuffix() {
        InstanceId first = InstanceId.forHost("scanner-1");
        InstanceId second = InstanceId.forHost("scanner-1");

        assertThat(first.value()).matches("scanner-1-[0-9a-f]{8}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void replacesCharactersThatCannotNameADirectory() {
        assertThat(InstanceId.forHost("a b/c").value()).matches("a-b-c-[0-9a-f]{8}");
        assertThat(InstanceId.forHost(null).value()).matches("probe-[0-9a-f]{8}");
    }
}
