package dev.argus.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreKeysTests {

    private static final String SHA256 = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    @Test
    void placesFileUnderTwoLevelsOfItsOwnHashPrefix() {
        assertThat(StoreKeys.path(SHA256)).isEqualTo("27/5a/" + SHA256);
        assertThat(StoreKeys.directory(SHA256)).isEqualTo("27/5a");
    }

    @Test
    void rejectsAnythingButLowerCaseSha256SoNoPathCanBeInjected() {
        assertThatThrownBy(() -> StoreKeys.path("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreKeys.path(SHA256.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreKeys.path(SHA256.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreKeys.path(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
