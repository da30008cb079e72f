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

    @Test
    void aSweepListsOnlyStoreDirectoriesAndKeysNeverAPartialUploadOrAnotherPath() {
        assertThat(StoreKeys.requireDirectory("27/5a")).isEqualTo("27/5a");
        for (String notADirectory : new String[] {"27", "27/5a/", "../5a", "27/5A", "27/5a/00", "2/75a", ""}) {
            assertThatThrownBy(() -> StoreKeys.requireDirectory(notADirectory))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(StoreKeys.isSha256(SHA256)).isTrue();
        assertThat(StoreKeys.isSha256("." + SHA256 + ".0f1e.part")).isFalse();
        assertThat(StoreKeys.isDirectoryLevel("5a")).isTrue();
        assertThat(StoreKeys.isDirectoryLevel("..")).isFalse();
    }
}
