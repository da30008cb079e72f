package dev.argus.frontend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTests {

    @Test
    void generatesDistinctKeysWith256RandomBits() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(ApiKeySecrets.generate());
        }
        assertThat(keys).hasSize(1000).allSatisfy(key -> {
            assertThat(key).startsWith("argus_");
            assertThat(Base64.getUrlDecoder().decode(key.substring("argus_".length()))).hasSize(32);
        });
    }

    @Test
    void hashesToLowerCaseHexSha256() {
        assertThat(ApiKeySecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
